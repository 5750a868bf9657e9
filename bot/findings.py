"""What the patient has told us so far: symptoms present and denied, temperature, when the infusion was.

`extract(text)` reads one message; `Findings.merge` adds a later message to what was known, so a
conversation's findings only ever grow. A symptom once reported stays reported: if the patient later
denies it, the two answers contradict each other and we keep the more serious reading.
"""

from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING

from text_to_num import alpha2digit

from bot import body_systems, lexicon, vitals
from bot.age import oldest_age
from bot.temperature import find_temperatures
from bot.timeline import InfusionTime

if TYPE_CHECKING:  # spaCy loads only where messages are read, not in the action server
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Findings:
    symptoms: frozenset[str] = frozenset()  # present, including hedged ("kinda hard to breathe")
    denied: frozenset[str] = frozenset()  # "no trouble breathing"
    hedged: frozenset[str] = frozenset()  # present but said with doubt: kept, never dropped
    asked_about: frozenset[str] = frozenset()  # named in a general question ("can IVIG cause a rash?")
    temperature_c: float | None = None  # the highest temperature reported
    temperature_unknown: bool = False  # asked for, but the patient could not measure it
    temperature_not_high: bool = False  # asked for: "normal", "no fever" (no number)
    unknown_symptom: bool = False  # reported something the lexicon does not know
    infusion: InfusionTime | None = None  # when the infusion was (bot/timeline.py); None: not said
    patient_words: tuple[str, ...] = field(default=())  # how the patient put each symptom
    # Red-flag symptom ids that may be present but were not said plainly (a learned layer's suggestion):
    # never a finding by themselves; the dialogue asks one yes/no question about each.
    to_check: frozenset[str] = frozenset()
    subject: str | None = None  # who the messages are about: None for the patient, else "he", "she" or "they"
    age: int | None = None  # the oldest age said in the conversation (bot/age.py); None: not said

    @property
    def is_empty(self) -> bool:
        return not (self.symptoms or self.temperature_c is not None or self.unknown_symptom)

    def merge(self, later: "Findings") -> "Findings":
        symptoms = self.symptoms | later.symptoms
        temperatures = [t for t in (self.temperature_c, later.temperature_c) if t is not None]
        return Findings(
            symptoms=symptoms,
            denied=(self.denied | later.denied) - symptoms,
            hedged=(self.hedged | later.hedged) & symptoms,
            asked_about=self.asked_about | later.asked_about,
            temperature_c=max(temperatures) if temperatures else None,
            temperature_unknown=(self.temperature_unknown or later.temperature_unknown) and not temperatures,
            temperature_not_high=self.temperature_not_high or later.temperature_not_high,
            unknown_symptom=self.unknown_symptom or later.unknown_symptom,
            infusion=self.infusion.merge(later.infusion) if self.infusion else later.infusion,
            patient_words=tuple(dict.fromkeys(self.patient_words + later.patient_words)),
            to_check=(self.to_check | later.to_check) - symptoms - (self.denied | later.denied),
            subject=later.subject or self.subject,
            age=max((a for a in (self.age, later.age) if a is not None), default=None),
        )

    @property
    def infusion_time(self) -> str | None:
        """When the infusion was, in the patient's words (the field's name before the timeline)."""
        return self.infusion.said if self.infusion else None

    def with_answer(self, symptom: str, present: bool) -> "Findings":
        """A yes/no answer to a follow-up question about `symptom`."""
        return self.merge(
            Findings(
                symptoms=frozenset({symptom}) if present else frozenset(),
                denied=frozenset() if present else frozenset({symptom}),
            )
        )

    def to_dict(self) -> dict:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, (frozenset, tuple)):
                data[key] = sorted(value) if isinstance(value, frozenset) else list(value)
        return data

    @classmethod
    def from_dict(cls, data: dict | None) -> "Findings":
        if not data:
            return cls()
        values = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for key in ("symptoms", "denied", "hedged", "asked_about", "to_check"):
            values[key] = frozenset(values.get(key) or ())
        values["patient_words"] = tuple(values.get("patient_words") or ())
        # `infusion_time` (the patient's words only) is how findings stored before the timeline said it
        values["infusion"] = InfusionTime.from_dict(data.get("infusion") or data.get("infusion_time"))
        return cls(**values)


def extract(text: str, expecting_temperature: bool = False) -> Findings:
    """Run the rule pipeline over one message."""
    from bot.nlp import load

    return findings_from_doc(load()(text), expecting_temperature)


def findings_from_doc(doc: "Doc", expecting_temperature: bool = False) -> Findings:
    """Findings of a message already run through the pipeline (Rasa's SpacyNLP does that)."""
    from bot.nlp import subject_at, temperature_excluded

    text = doc.text
    present, denied, hedged, asked, words = set(), set(), set(), set(), []
    degree_denied = doc.user_data.get("degree_denied", set())
    for span in doc.spans.get("symptoms", []):
        symptom, ext = span.label_, span._  # one Underscore object per span: they are slow to make
        if ext.idiom or ext.historical or ext.other:
            if ext.resolved and not ext.other:  # "had a headache but it's gone now": not there now
                denied.add(symptom)
            continue  # an idiom, before the infusion or long ago, or someone else's: not the patient's symptom
        if ext.hypothetical:
            asked.add(symptom)
        elif ext.negated:
            denied.add(symptom)
            if (span.start, span.end, symptom) in degree_denied:  # "not the worst headache": a headache all the same
                present.add(lexicon.GENERAL_FORM[symptom])
                words.append(span.text)
        else:
            known = lexicon.SYMPTOMS[lexicon.GENERAL_FORM.get(symptom, symptom)]  # a worse form grows as its symptom
            found = {symptom}
            if known.worse_as and (ext.severe or ext.worsening):
                found.add(known.worst_as if ext.worst else known.worse_as)
            elif known.worst_as and ext.worst:  # a severe headache said to be the worst ever
                found.add(known.worst_as)
            if ext.worsening and symptom in body_systems.SPREADS:  # "swollen right up to the elbow"
                found.add(body_systems.SPREADS[symptom])
            if ext.sudden and known.worst_as != known.worse_as:  # a sudden headache: thunderclap
                found.add(known.worst_as)
            found |= {lexicon.GENERAL_FORM[f] for f in found if f in lexicon.GENERAL_FORM}
            present |= found
            if ext.hedged:
                hedged |= found
            words.append(span.text)
    present |= vitals.signs(alpha2digit(text, "en"))  # "sats 89", "pulse a hundred and forty": a home device
    temperatures = find_temperatures(text, expecting=True) if expecting_temperature else doc._.temperatures
    # one said to be over, from before the infusion or someone else's is not the patient's now
    temperatures = [t for t in temperatures if not temperature_excluded(doc, t.text)]
    complaints = doc._.complaints or []
    unknown = any(strong for _, strong in complaints) or (bool(complaints) and not present)
    return Findings(
        symptoms=frozenset(present),
        denied=frozenset(denied - present),
        hedged=frozenset(hedged),
        asked_about=frozenset(asked - present),
        temperature_c=max((t.celsius for t in temperatures), default=None),
        unknown_symptom=unknown,
        patient_words=tuple(words),
        subject=doc._.subject
        if present or unknown
        else (subject_at(doc, temperatures[0].text) if temperatures else None),
        age=oldest_age(text),
    )


def with_ml_symptoms(findings: Findings, ml_symptoms: list[str]) -> Findings:
    """Add what the statistical NLU found where the rules found nothing; it never removes anything.

    A symptom id it names is added; a phrase it marks as a symptom without a known id is an
    unknown symptom (so never "manage at home").
    """
    new = {s for s in ml_symptoms if s in lexicon.SYMPTOMS} - findings.denied - findings.asked_about
    unknown = any(s not in lexicon.SYMPTOMS for s in ml_symptoms)
    return replace(findings, symptoms=findings.symptoms | new, unknown_symptom=findings.unknown_symptom or unknown)
