"""The question policy: which question to ask next, how an answer changes the findings, when to stop.

Plain Python, so that every path can be tested without Rasa; the Rasa form and actions only carry its
state. The rules a triage nurse follows:
- A red flag gets its disposition at once; questions come after it only when the answer could still
  raise the level (a rash with swelling of the lips is an emergency).
- A mild report gets, before "manage at home", every question whose answer could raise it, and last a
  closing screen: anything else, such as the main red flags? A symptom in the reply counts as usual; "no"
  gives the mild disposition; a yes or a hedge gets the clarifying question.
- What the patient already said is never asked again.
- An unsure or hedged answer to a safety question counts as yes, and the bot says so. An answer it
  cannot read is asked once more; after that it is unsure too. An aside is answered, then the
  question is asked again. So every turn gets a reply and no triage can be lost.
- A complaint the bot does not know gets one clarifying question; whatever the reply, it is then
  "a symptom I cannot assess" (call the doctor), unless the reply names what it was.
- A message in which the rules read nothing is a report only if the classifier says so and the learned
  layer does not rate it "nothing to report" (`is_report`): "Is there parking?" gets no disposition, only
  the invitation to say how the patient feels (and its reply is read as a new message would be).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace

from bot import body_systems, context_rules, lexicon, system_checks, vitals, wording
from bot.age import OLDER_ADULT_AGE, YOUNG_CHILD_AGE
from bot.answers import (
    NT,
    Answer,
    cannot_talk,
    cries_for_help,
    hedge_at,
    mentions_complaint,
    names_a_crushing_sign,
    names_body_part,
    plays_down,
    read_answer,
    read_degree,
    read_temperature,
    says_a_complaint_word,
    says_worse,
    says_worst_form,
    talks_normally,
)
from bot.findings import Findings
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from bot.temperature import find_temperatures
from bot.timeline import InfusionTime
from bot.triage import LEVELS, assess

YES_NO, TEMPERATURE, TIME, DESCRIBE = "yes_no", "temperature", "time", "describe"
HEADACHES = ("headache", "severe_headache")
RASHES = ("rash", "severe_rash")
FEVER_LIKELY = ("fever", "chills", "flu_like_symptoms")  # shivering, rigors, feeling hot, flu-like: measure it
# Aches, tiredness or flushing are how a fever shows too, when the patient has not measured it.
ACHES_AND_TIREDNESS = ("tiredness", "muscle_aches", "joint_pain", "flushing")
CLOSING = "anything_else"  # the closing screen before "manage at home"
# Questions of degree: "small headache only" or "same size, not spreading" answers them with a no.
DEGREE_QUESTIONS = ("severe_headache", "severe_rash")
# Questions for the very worst form of a red flag already found: "a bit", "moderate", "it built up over
# the day" answer them with a no (the red flag's own disposition stands).
EXTREME_QUESTIONS = ("worst_headache", "crushing_chest_pain", "severe_breathing_difficulty")
# An answer that places the sign in its milder form answers no: swelling only "where the cannula was" is
# no swollen limb, "just queasy" no vomiting.
MILDER_FORM = {"swollen_painful_limb": "infusion_site_irritation", "vomiting": "nausea"}
# "ok", "all good", "normal" said alone to a question about a sign: it is not there (`_read`).
# (with Filipino English's courtesy words: "Ok po", "Ok naman po")
_OK_ALONE = re.compile(
    r"^\W*(ok|okay|ok ?ay|sweet|good|all good|grand|no worries|normal)(\s+(po|naman|lang|naman po|lang po))?\W*$", re.I
)
# What a question's sign is not, said plainly, answers it no ("wide awake", "alert and chatty" to "have you
# fainted or are you hard to wake?"); the same negated ("not really awake", "barely responding") is a yes.
NORMAL_STATES = {
    "fainting": re.compile(
        r"\b(wide awake|awake|alert|conscious|responding|responsive|with it|all there|compos mentis|sharp|"
        r"chatty|chatting|talking (away|normally|fine)|usual (\w+ )?self|(his|her|my|their) (old )?self|"
        r"wakes? (up )?(easily|fine|normally|no problem)|woke (up )?(easily|fine|normally)|easy to wake|"
        r"fine|ok|okay|alright|all right)\b",
        re.I,
    ),
    "palpitations": re.compile(
        r"\b(steady|regular|calm|slow and steady|normal rhythm|ticking (along|over)|beating (normally|fine|steadily)|"
        r"normal (pace|speed|rate))\b",
        re.I,
    ),
    # a neck that bends: "chin on my chest no bother", "she can nod fine", "bends forward easily"
    "neck_stiffness": re.compile(
        r"\b(supple|loose|full (range|movement|flexion)|moves? (freely|fine|normally)|"
        r"chin (right )?(down )?(on|to|onto|against|touches) (my|his|her|their|the) chest|"
        r"(bend|bends|bending|tilt|tilts|nod|nods|nodding|move|moves|turn|turns)( (it|my head|his head|her head|"
        r"their head|my neck|his neck|her neck|their neck))?( (forward|down|fully|all the way))?"
        r" (fine|freely|easily|no (problem|bother|trouble|bother at all)|ok|okay|normally|without (pain|trouble)))\b",
        re.I,
    ),
    # breath enough to talk, sing or play: "Ok, she is talking", "been singing along to the radio"
    "breathing_difficulty": re.compile(
        r"\b(talking|chatting|chatty|singing|laughing|giggling|playing|running around|shouting)\b", re.I
    ),
    "dizziness": re.compile(
        r"\b(steady|rock steady|steady on (my|his|her|their) feet|solid on (my|his|her|their) feet|balanced|"
        r"clear[- ]headed|head('s| is) clear)\b",
        re.I,
    ),
    # one limb swollen, answered by the two being alike: "both legs the same", "they match"
    "swollen_painful_limb": re.compile(
        r"\b(both|the two|two|my|his|her|their)\s+(legs|arms|calves|ankles|feet|hands|sides)\s+"
        r"((are|look|feel|seem|looks?|feels?)\s+)?(the\s+)?(same|alike|equal|even|match|matching|identical)\b|"
        r"\b(same|alike|equal|even|identical) (on )?both sides\b",
        re.I,
    ),
}
_STATE_DENIED = re.compile(r"(\bnot|" + NT + r"|\bbarely|\bhardly|\bnever|\bno longer)\s+(\w+\s+)?$", re.I)
# "Are you passing much less of it?" answered "none at all" or "not a drop": less, down to nothing (a yes).
NONE_IS_YES = ("little_or_no_urine",)
_NONE = re.compile(r"^\W*(none|zero|nil|not (a )?(drop|once|single (drop|time))|nothing (at all|comes|since))\b", re.I)
_NOT_ONLY_THE_SITE = frozenset({"iv", "line", "port", "vein", "veins", "where the"})  # said of a clot's place too
# The swelling placed at the drip site, and nowhere else that a clot would be: the site's irritation.
_AT_THE_SITE = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in body_systems.SITE_WORDS if w not in _NOT_ONLY_THE_SITE) + r")\b", re.I
)
_LIMBS = lexicon.PAIRED_SIGNS["swollen_painful_limb"][0] + ("thighs", "ankles", "foot", "feet", "knee", "knees")
_ELSEWHERE = re.compile(r"\b(" + "|".join(_LIMBS) + r"|other arm)\b", re.I)
# A later message that names no symptom but says what one told before has become ("it just exploded out
# of nowhere, worst pain of my life" after a headache; "the pain's much worse now"): that symptom's worse
# forms. It must point back: "it", "this", "that", or a bare word of pain.
WORSE_FORM = {"headache": "severe_headache", "rash": "severe_rash"}
WORST_FORM = {"headache": "worst_headache", "severe_headache": "worst_headache"}
_POINTS_BACK = re.compile(
    r"\b(" + "|".join(context_rules.POINTING_BACK) + r"|it'?s|the (pain|ache|headache|rash|spots)|pain|ache|agony)\b",
    re.I,
)
CHECK_IN = "all_well_check"  # "I'm fine, just checking in": the red-flag screen, once, before goodbye
EMERGENCY_CHECK = "emergency_check"  # after "call your doctor": the emergency signs, once
SCREENS = (CLOSING, CHECK_IN, EMERGENCY_CHECK)
BARE_ANSWER_WORDS = 4  # "I think so, maybe" is an answer; a longer reply with a hedge in it is a statement
INVITE = "how_do_you_feel"  # a "report" with nothing in it to assess: the invitation to say how one feels
# Before "manage at home", breathing is always asked about on its own: trouble breathing is the first sign
# of IVIG's serious reactions (allergy, fluid on the lungs), and people leave it out. Skipped when the
# patient already said something about their breathing.
ALWAYS_ASKED = ("breathing_difficulty",)
# Older adults carry more risk (the IVIG article), and a vague report ("not himself", "tired", "a bit meh")
# is how a serious reaction can start in anyone: before "manage at home" these signs are asked about one by
# one, as a nurse's systematic screen would, each only when nothing was said about its body system.
FULLER_SCREEN = (
    "fainting",
    "dizziness",  # beside fainting: "dizzy?" is often answered with the faint
    "stroke_signs",
    "chest_tightness",
    "palpitations",
    "little_or_no_urine",
    "swollen_painful_limb",
    "jaundice",  # with dark urine, how IVIG's haemolysis shows, with nothing but tiredness before it
)
# A report of tiredness or feeling unwell, with at most aches, feeling hot or shivery, flushed, a headache or
# nausea beside it ("usual post-IVIG rubbish, tired, headache"), is vague (aches alone are not).
# One arm or leg told heavy, dead or useless (the patient's words of a symptom read as aches or the site): the
# one-sided weakness of a stroke is asked about.
_ONE_LIMB_HEAVY = re.compile(
    r"\b(arm|leg|hand|foot)\b(\s+\w+){0,3}\s+(heavy|dead|useless|weak|floppy)\b|\b(heavy|dead|useless|weak)\s+(arm|leg|hand|foot)\b",
    re.I,
)
# What a parent sees in a small child who cannot say what they feel: floppy or hard to wake, fewer wet nappies,
# a swelling face (breathing is always asked).
CHILD_SCREEN = ("fainting", "little_or_no_urine", "throat_or_face_swelling")
NONSPECIFIC = frozenset({"tiredness", "flu_like_symptoms"})
WITH_NONSPECIFIC = frozenset({"muscle_aches", "fever", "chills", "flushing", "headache", "nausea"})
# A complaint the bot cannot name ("feel a bit off", "floaty") is sent to the doctor; before the list of
# emergency signs, the emergency signs of the fuller screen are asked one by one, as for a vague report.
UNKNOWN_SCREEN = tuple(q for q in FULLER_SCREEN if lexicon.SYMPTOMS[q].level == EMERGENCY)
# The red flags the closing screen names, in the lexicon's words (each written once, in bot/lexicon.py).
CLOSING_SIGNS = (
    "breathing_difficulty",
    "chest_tightness",
    "palpitations",
    "vomiting",
    "severe_rash",
    "throat_or_face_swelling",
    "severe_headache",
    "dark_urine",
    "swollen_painful_limb",
    "confusion",
)


# After "call your doctor", the signs that would make it an emergency (each named in bot/lexicon.py).
EMERGENCY_SIGNS = (
    "severe_breathing_difficulty",
    "blue_lips",
    "throat_or_face_swelling",
    "fainting",
    "seizure",
    "stroke_signs",
    "confusion",
    "crushing_chest_pain",
    "worst_headache",
)


def _signs(signs: tuple[str, ...] = CLOSING_SIGNS) -> str:
    return "\n".join(f"• {lexicon.SYMPTOMS[s].name}" for s in signs)


def _closing_text() -> str:
    return f"One last check before my advice: {{do}} {{you}} have anything else? For example:\n{_signs()}"


def _emergency_check_text() -> str:
    return (
        "While {you} {are} getting in touch with the clinic, one more check: {do} {you} have any of these right now? "
        f"If so, call emergency services.\n{_signs(EMERGENCY_SIGNS)}"
    )


def _check_in_text() -> str:
    return f"Good to hear. Just to be sure: {{do}} {{you}} have any of these now?\n{_signs()}"


@dataclass(frozen=True)
class Question:
    id: str  # the symptom id a yes confirms; or "temperature", "infusion_time", "describe_symptom"
    text: str  # {you} {your} {them} {are} {have} {do} {feel} follow the person the messages are about
    kind: str = YES_NO
    when: tuple[str, ...] = ()  # asked when one of these symptoms is present


# Most telling first. A clinician can read this table on its own.
QUESTIONS: dict[str, Question] = {
    q.id: q
    for q in (
        Question(
            "neck_stiffness",
            "Is {your} neck stiff, or does it hurt {them} to bend {your} head forward?",
            when=HEADACHES,
        ),
        Question(
            "severe_headache",
            "Is the headache very severe, much worse than {your} usual headaches?",
            when=("headache",),
        ),
        # Nausea, or a headache (a headache with vomiting is a red flag: meningitis, raised pressure).
        Question("vomiting", "{Have} {you} vomited (thrown up)?", when=("nausea", "headache")),
        Question("severe_rash", "Is the rash spreading, or getting worse?", when=("rash",)),
        Question(
            "throat_or_face_swelling",
            "Is there any swelling of {your} face, lips, tongue or throat?",
            when=RASHES + ("flushing",),  # a warm, red face: or a swelling one
        ),
        # A severe headache, or one with a stiff neck or light hurting the eyes: was it sudden, the worst ever
        # (a bleed)?
        Question(
            "worst_headache",
            "Is this the worst headache {you} {have} ever had, or did it come on suddenly, within seconds?",
            when=("severe_headache", "neck_stiffness", "light_sensitivity"),
        ),
        # Short of breath: too breathless to speak, or fighting for each breath?
        Question(
            "severe_breathing_difficulty",
            "{Are} {you} so short of breath that {you} can't finish a sentence, or struggling for every breath?",
            when=("breathing_difficulty",),
        ),
        # Chest tightness or pain, short of breath, a racing heart, or "indigestion" (how a heart attack is often
        # first told): is it the heart (crushing, spreading, with sweating or a grey colour)?
        Question(
            "crushing_chest_pain",
            "{Do} {you} have chest pain or tightness that is crushing, like a heavy weight, or spreads to {your} "
            "arm, jaw or neck, or {are} {you} sweaty or grey?",
            when=("chest_tightness", "breathing_difficulty", "palpitations", "indigestion"),
        ),
        # Dizziness can be a stroke or a faint on the way: a nurse asks about both.
        Question("stroke_signs", system_checks.QUESTIONS["stroke_signs"], when=("dizziness",)),
        # Tired or sleepy: a carer cannot always tell sleepy from hard to wake.
        Question("fainting", system_checks.QUESTIONS["fainting"], when=("dizziness", "tiredness")),
        # Flushing is how an infusion reaction shows, with a racing heart and a tight chest beside it.
        Question("palpitations", system_checks.QUESTIONS["palpitations"], when=("flushing",)),
        Question("chest_tightness", system_checks.QUESTIONS["chest_tightness"], when=("flushing",)),
        # A sore drip site, or a whole arm or leg swollen and painful (a clot): a nurse tells them apart. IVIG
        # raises the risk of clots, and an aching leg is how one is often first told.
        Question(
            "swollen_painful_limb",
            system_checks.QUESTIONS["swollen_painful_limb"],
            when=("infusion_site_irritation", "muscle_aches"),
        ),
        Question(
            "temperature",
            "What is {your} temperature? If {you} {have} a thermometer, please take it and tell me "
            "the number (°C or °F). If {you} can't measure it, just say so.",
            TEMPERATURE,
            when=FEVER_LIKELY + ACHES_AND_TIREDNESS,  # asked of a mild report only, when no temperature was said
        ),
        Question("infusion_time", "When did {your} infusion start? (for example: this morning, or 2 hours ago)", TIME),
        Question(CLOSING, _closing_text()),  # last, before "manage at home" only
        Question(CHECK_IN, _check_in_text()),  # see `plan`
        Question(EMERGENCY_CHECK, _emergency_check_text()),  # last, after "call your doctor" only
        Question(INVITE, wording.HOW_CAN_I_HELP, DESCRIBE),  # see `plan`
        Question(
            "describe_symptom",
            "I want to be sure I understand. Could you describe what {you} {feel} in other "
            "words: where it is, and how bad it is?",
            DESCRIBE,
        ),
    )
}
# A yes/no check of a symptom that has no question above (a learned layer's suggestion, `to_check`):
# the targeted question of bot/system_checks.py, else this.
CHECK_TEMPLATE = "Just to be safe: {do} {you} have {name} right now?"
BUTTONS = {
    YES_NO: ("Yes", "No", "Not sure"),
    TEMPERATURE: ("I can't measure it",),
    TIME: ("I'm not sure",),
    DESCRIBE: (),
}
SAFE_YES = "I'll take that as a yes, to be safe."
GUESS_NOT_COUNTED = "I can't tell that one from here. If it happens, call emergency services straight away."
NOT_READ = "Sorry, I could not tell whether that was a yes or a no."
NOT_READ_TEMPERATURE = "Sorry, I could not read a temperature in that."
FAST_ENOUGH_TO_ASK = 100  # a rate said with a hedge ("maybe? my watch said 115"): the hedge is not overruled
MAX_FORM_TURNS = 12  # then the questions end with what is known (unsure answers counted as yes)

PERSONS = {
    None: dict(you="you", your="your", them="you", are="are", have="have", do="do", feel="feel"),
    "he": dict(you="he", your="his", them="him", are="is", have="has", do="does", feel="feels"),
    "she": dict(you="she", your="her", them="her", are="is", have="has", do="does", feel="feels"),
    "they": dict(you="they", your="their", them="them", are="are", have="have", do="do", feel="feel"),
}


def words_for(subject: str | None) -> dict[str, str]:
    words = PERSONS.get(subject, PERSONS[None])
    return {**words, **{k.capitalize(): v.capitalize() for k, v in words.items()}}


def question_for(question_id: str) -> Question:
    if question_id in QUESTIONS:
        return QUESTIONS[question_id]
    if question_id in system_checks.QUESTIONS:
        return Question(question_id, system_checks.QUESTIONS[question_id])
    return Question(question_id, CHECK_TEMPLATE.replace("{name}", lexicon.SYMPTOMS[question_id].name))


def question_text(question_id: str, subject: str | None = None) -> str:
    text = question_for(question_id).text.format(**words_for(subject))
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class State:
    """What the dialogue remembers between turns (the `dialogue` slot)."""

    asked: tuple[str, ...] = ()  # every question asked in this conversation, in order
    pending: str | None = None  # the question chosen next, or waiting for its answer
    put: bool = False  # the pending question has been put to the patient (so this turn answers it)
    reasked: bool = False  # the pending question was asked again after an answer we could not read
    turns: int = 0  # turns spent on questions since the last disposition
    unclear_report: bool = False  # a report with nothing we recognise, waiting for its description
    # the complaint waiting for its description was only of feeling unwell ("not great", "not myself"): a
    # description that names symptoms we know explains it ("body aches, no energy"), none is left unassessed
    vague_report: bool = False
    # signs taken as yes, to be safe, from an answer we could not read twice: their own follow-up questions
    # are not built on them ("she's resting" to the racing heart, then to "is the chest pain crushing?")
    assumed: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {**asdict(self), "asked": list(self.asked), "assumed": list(self.assumed)}

    @classmethod
    def from_dict(cls, data: dict | None) -> State:
        data = {k: v for k, v in (data or {}).items() if k in cls.__dataclass_fields__}
        return cls(**{**data, "asked": tuple(data.get("asked") or ()), "assumed": tuple(data.get("assumed") or ())})


@dataclass(frozen=True)
class Step:
    """The outcome of one patient turn during the questions."""

    findings: Findings
    state: State
    say: tuple[str, ...] = ()  # short notes before the next question ("I'll take that as a yes, to be safe.")
    aside: str | None = None  # an intent to answer before asking again (ask_clinic_contact, ...)
    done: bool = False  # no more questions now: give the disposition
    no_symptom: bool = False  # a clarifying reply that says there is nothing wrong


def next_question(
    findings: Findings, state: State, previous_level: str | None = None, asked_infusion_time: bool = True
) -> str | None:
    """The id of the next question worth asking, or None when nothing more could change the answer."""
    level = assess(findings, previous_level).level
    if level == EMERGENCY:
        return None
    rank = LEVELS.index(level) if level else -1
    known = findings.symptoms | findings.denied
    fresh = [q for q in QUESTIONS if q not in state.asked]

    def raises(symptom: str) -> bool:
        return LEVELS.index(lexicon.SYMPTOMS[symptom].level) > rank

    # A learned layer's suggestion of a red flag the rules did not find: a yes would raise the level.
    for symptom in sorted(findings.to_check - known):
        if symptom in lexicon.SYMPTOMS and symptom not in state.asked and raises(symptom):
            return symptom
    told = findings.symptoms - set(state.assumed)
    if (
        "stroke_signs" in fresh
        and "stroke_signs" not in known
        and _ONE_LIMB_HEAVY.search(" ".join(findings.patient_words))
    ):
        return "stroke_signs"  # "my arm feels heavy": read as an ache, asked as the weakness it may be
    for qid in fresh:
        question = QUESTIONS[qid]
        if question.kind == YES_NO and qid not in known and set(question.when) & told and raises(qid):
            return qid
    said = {system_checks.SYSTEM_OF.get(s) for s in known | findings.asked_about}
    if level == CALL_DOCTOR_NOW and findings.unknown_symptom:
        for qid in UNKNOWN_SCREEN:
            if qid not in state.asked and qid not in known and system_checks.SYSTEM_OF[qid] not in said:
                return qid
    if level == CALL_DOCTOR_NOW and young_child(findings) and "fainting" not in (*state.asked, *known):
        return "fainting"  # a feverish small child: floppy or hard to wake is what the parent sees
    if level == CALL_DOCTOR_NOW and EMERGENCY_CHECK not in state.asked:
        return EMERGENCY_CHECK
    if level != MANAGE_AT_HOME:
        return None
    if (
        set(QUESTIONS["temperature"].when) & findings.symptoms
        and "temperature" not in state.asked
        and findings.temperature_c is None
        and not findings.temperature_unknown
        and not findings.temperature_not_high
    ):
        return "temperature"
    if asked_infusion_time and "infusion_time" not in state.asked and findings.infusion_time is None:
        return "infusion_time"
    for qid in ALWAYS_ASKED + _screen(findings):
        if qid not in state.asked and qid not in known and system_checks.SYSTEM_OF[qid] not in said:
            return qid
    if CLOSING not in state.asked:
        return CLOSING
    return None


def needs_fuller_screen(findings: Findings) -> bool:
    """An older adult, or a report of nothing but tiredness or feeling unwell: the FULLER_SCREEN."""
    older = findings.age is not None and findings.age >= OLDER_ADULT_AGE
    vague = findings.symptoms & NONSPECIFIC and findings.symptoms <= NONSPECIFIC | WITH_NONSPECIFIC
    return older or bool(vague)


def young_child(findings: Findings) -> bool:
    """A child too young to say what they feel (bot/age.py YOUNG_CHILD_AGE): CHILD_SCREEN."""
    return findings.age is not None and findings.age <= YOUNG_CHILD_AGE


def _screen(findings: Findings) -> tuple[str, ...]:
    if young_child(findings):
        return CHILD_SCREEN
    return FULLER_SCREEN if needs_fuller_screen(findings) else ()


def ask(question_id: str, state: State) -> State:
    """The state once `question_id` has been put to the patient."""
    again = state.pending == question_id
    asked = state.asked if question_id in state.asked else state.asked + (question_id,)
    return replace(state, asked=asked, pending=question_id, put=True, reasked=state.reasked if again else False)


def reopened(state: State) -> State:
    """The state once a disposition cut the questions short: a question still unanswered (the patient told
    something else instead) may be asked again after it."""
    if state.pending is None:
        return replace(state, put=False)
    return replace(state, asked=tuple(q for q in state.asked if q != state.pending), pending=None, put=False)


ASIDES = ("ask_clinic_contact", "ask_side_effects", "out_of_scope", "greet", "thank")


def answer(
    findings: Findings,
    message: Findings,
    text: str,
    intent: str | None,
    state: State,
    systems: Mapping[str, float] | None = None,
    spelled: str = "",
) -> Step:
    """Read the patient's turn as the answer to the pending question.

    `findings`: everything known before this turn; `message`: what the rule layer read in it (a new
    symptom counts whatever the question was); `intent`: the classifier's intent, for asides; `systems`:
    the learned layer's probabilities for the turn (`is_report`); `spelled`: the turn with its misspelt
    words corrected (bot/nlp.py `spelled_text`), read when the words as typed give no answer ("normle")."""
    question = question_for(state.pending) if state.pending else None
    if question and question.kind in (YES_NO, TEMPERATURE) and findings.subject in _SUBJECT_WORDS:
        kept = about_the_subject(text or "", findings.subject)
        if kept != text:  # "She hasn't. I have, several times": the answer is hers; the carer's own is not
            text = kept
            if message.unknown_symptom and not says_a_complaint_word(kept):  # "... I'm the one coughing"
                message = replace(message, unknown_symptom=False)
            if question.kind == TEMPERATURE:
                temperatures = [t.celsius for t in find_temperatures(kept, expecting=True)]
                message = replace(message, temperature_c=max(temperatures, default=None))
    back = _QUESTION_BACK.match(text or "") if question and question.kind == YES_NO else None
    if (
        question
        and back
        and not _OWN_WORDS.search(back.group(0))
        and (
            read_answer(text[back.end() :]) in (Answer.YES, Answer.NO)
            or (question.id in NORMAL_STATES and NORMAL_STATES[question.id].search(text[back.end() :]))
        )
    ):
        # "Why, is a stiff neck bad? No, it moves fine", "Do people faint from this? I haven't": a question back,
        # then the answer; the sign asked about, named in the question, is not told by it
        text = text[back.end() :]
        message = replace(message, symptoms=message.symptoms - {question.id}, hedged=message.hedged - {question.id})
    if question and (question.id in SCREENS or question.kind == DESCRIBE):  # "anything else?" "it's worse"
        message = in_context(findings, message, text)
    elif (
        question
        and question.id in DEGREE_QUESTIONS + EXTREME_QUESTIONS
        and (read_answer(text) is not Answer.NO or says_worst_form(text))  # "I was fine, next second..."
    ):
        # "is it severe?" "it's the worst one ever, came on sudden": the worst form only ("I've had way worse",
        # a comparison, is no worse form)
        message = in_context(findings, message, text, worst_only=True)
    updated = findings.merge(message)
    # A sign taken as yes to be safe and now told in the patient's own words is told: its own follow-up
    # questions are asked again.
    state = replace(state, turns=state.turns + 1, assumed=tuple(a for a in state.assumed if a not in message.symptoms))
    if question is None:
        return Step(updated, state, done=True)
    # A red flag in the turn's own words, even one already known ("i threw up" while asked about the chest):
    # the patient is told again what to do, and an unanswered question stays open (`reopened`).
    restated = assess(replace(message, unknown_symptom=False)).is_red_flag  # named, not a complaint described
    said_something = (
        restated
        or (message.symptoms - findings.symptoms)
        or (message.denied - findings.denied)
        or message.temperature_c is not None
        or message.unknown_symptom
        or (message.infusion is not None and findings.infusion is None)
    )  # "it was 4 days ago" can raise the level
    if question.id == INVITE:
        return _invited(findings, updated, message, text, intent, state, systems)
    reading: object = _read(question, text, message)
    if reading is None and spelled and spelled != text:
        reading = _read(question, spelled, message)
    if (
        reading in (Answer.YES, Answer.NO)
        and (question.id in DEGREE_QUESTIONS + EXTREME_QUESTIONS or _the_ache_told(findings, text))
        and not message.symptoms
    ):
        # "no, a background sort of ache", "no swelling, only aching": words that describe what was told, no
        # new complaint (a new part of the body would be one: "no, but my ears are ringing")
        message = replace(message, unknown_symptom=False)
        updated = findings.merge(message)

    if reading is None and intent == "goodbye" and question.id not in SCREENS:  # leaving mid-question
        if question.id in EXTREME_QUESTIONS:  # before saying whether it is the very worst form: the red
            return Step(updated, replace(state, pending=None, put=False, reasked=False), done=True)  # flag stands
        reading = Answer.UNSURE if question.kind == YES_NO else "unknown"  # decide now, on the safe side
    if reading is None and not said_something and intent in ASIDES and state.turns < MAX_FORM_TURNS:
        if question.id in SCREENS:  # answered, and asked again once; a second aside: nothing more to tell
            if state.reasked:
                return Step(updated, replace(state, pending=None, put=False, reasked=False), aside=intent, done=True)
            return Step(updated, replace(state, reasked=True), aside=intent)
        if question.kind != DESCRIBE:
            return Step(updated, state, aside=intent)
        # An aside instead of a description: answer it; a report with no complaint in it ends here, a
        # complaint it was to describe is one we cannot assess.
        return Step(
            updated if state.unclear_report else updated.merge(Findings(unknown_symptom=True)),
            replace(state, pending=None, put=False, reasked=False),
            aside=intent,
            no_symptom=state.unclear_report,
            done=True,
        )
    if question.id in SCREENS:
        named = bool(message.symptoms or message.temperature_c is not None or message.unknown_symptom) or (
            message.infusion is not None and findings.infusion is None
        )
        if not named and _SOMETHING_ELSE.match(text or ""):
            # "No, just the stairs business", "only the legs": none of those, but something else, not named
            if "describe_symptom" in state.asked:  # described once already: a symptom we cannot assess
                updated = updated.merge(Findings(unknown_symptom=True))
                return Step(updated, replace(state, pending=None, put=False, reasked=False), done=True)
            state = replace(state, pending="describe_symptom", put=False, reasked=False, unclear_report=False)
            return Step(updated, state)
        if named or _nothing_more(reading, text, intent) or (reading is None and _A_QUESTION.search(text or "")):
            return Step(
                updated,
                replace(state, pending=None, put=False, reasked=False),
                done=_raised(findings, updated) or restated,
            )
        # A reply that names nothing and is no bare yes or hedge ("feels a bit better since they slowed it")
        # is read as a new message would be: an unclear report is asked about, anything else is nothing more.
        statement = (reading is None or (reading is Answer.UNSURE and len(text.split()) > BARE_ANSWER_WORDS)) and (
            not plays_down(text)  # "I didn't want to make a fuss": something there
        )
        # "She's drinking water and we put a fan on": a sentence of what they do, no complaint or body in it
        told_else = len(text.split()) > BARE_ANSWER_WORDS and not mentions_complaint(text)
        if statement and (told_else or not is_report(message, intent == "report_symptoms", text, systems)):
            return Step(updated, replace(state, pending=None, put=False, reasked=False), done=True)
    if reading is None and question.kind == DESCRIBE:
        reading = "described"
    if reading is None and not said_something and not state.reasked and state.turns < MAX_FORM_TURNS:
        note = NOT_READ_TEMPERATURE if question.kind == TEMPERATURE else NOT_READ
        return Step(updated, replace(state, reasked=True), say=(note,))
    if reading is None:
        # A message that tells us something else ("I just threw up") is taken as that, and the question
        # stays open for one more try; one we still cannot read is unsure.
        if said_something and not state.reasked:
            return Step(updated, replace(state, reasked=True), done=_raised(findings, updated) or restated)
        reading = Answer.UNSURE if question.kind == YES_NO else "unknown"
        if question.kind == YES_NO and question.id not in SCREENS:
            state = replace(state, assumed=state.assumed + (question.id,))
    if reading is Answer.UNSURE and question.kind == YES_NO and _on_guesses_only(question, findings, state):
        return Step(updated, replace(state, pending=None, put=False, reasked=False), say=(GUESS_NOT_COUNTED,))
    if question.id in SCREENS:  # "yes" or unsure, and nothing named: what is it?
        state = replace(state, pending="describe_symptom", put=False, reasked=False, unclear_report=False)
        return Step(updated, state, say=(SAFE_YES,) if reading is Answer.UNSURE else ())
    updated, told, no_symptom = _apply(question, reading, updated, findings, message, text)
    if question.kind == DESCRIBE and state.vague_report and message.symptoms and not message.unknown_symptom:
        updated = replace(updated, unknown_symptom=False)
    state = replace(state, pending=None, put=False, reasked=False, vague_report=False)
    return Step(
        updated,
        state,
        say=(told,) if told else (),
        no_symptom=no_symptom,
        done=_raised(findings, updated) or no_symptom or restated,
    )


# "No, just ...", "only ...", "apart from ...": none of the signs listed, but something else, to be described
# (not "just checking", "only what I said", "just the usual").
_SOMETHING_ELSE = re.compile(
    r"^\W*(?:(?:no+|nope|nah|naw|none(?: of (?:those|them|these|that))?|nothing(?: else)?)\W+)?"
    r"(?:just|only|except(?: for)?|apart from|other than|besides|aside from|but)\s+"
    r"(?!(?:that|this|those|these|it|them|the same|same|the usual|usual|as before|what i (?:said|told you|mentioned)|"
    r"checking|asking|wondering|curious|to (?:be safe|check|ask|let you know)|in case|letting you know|"
    r"the (?:one|ones|thing|things|stuff) i (?:said|mentioned|told you))\b)\w",
    re.I,
)


def _on_guesses_only(question: Question, findings: Findings, state: State) -> bool:
    """An emergency follow-up asked only of signs taken as yes to be safe ("can't say" to a tight chest, then
    "can't say" whether it is crushing): a second guess on top of a first does not make an emergency."""
    sign = lexicon.SYMPTOMS.get(question.id)
    triggers = set(question.when) & findings.symptoms
    return (
        sign is not None
        and sign.level == EMERGENCY
        and bool(triggers)
        and triggers <= findings.hedged | set(state.assumed)
    )


# A question back before the answer: "Why, is that bad? No...", "Should it be? No, it's mild"; one with the
# patient's own words in it ("is it bad that I threw up? ...") tells something and is read whole.
_QUESTION_BACK = re.compile(
    r"^\W*(?:(?:why|so|well|oh|hmm+|and|but|wait)\W+)*(?:why|how come|"
    r"(?:is|are|was|were|do|does|did|should|could|would|will|can|has|have|what|how)\b[^?]*)\?+\s*(?=\w)",
    re.I,
)
_OWN_WORDS = re.compile(r"\b(i|i'?m|im|i'?ve|ive|my|me|mine|he|she|his|her|him|we|our|us)\b", re.I)


_SUBJECT_WORDS = {
    "he": ("he", "he's", "hes", "his", "him"),
    "she": ("she", "she's", "shes", "her", "hers"),
    "they": ("they", "they're", "their", "theirs", "them"),
}
_FIRST_PERSON = re.compile(r"^\W*(i|i'm|im|i've|ive|i'd|mine|mine's|my|me|myself)\b", re.I)


def about_the_subject(text: str, subject: str) -> str:
    """A carer's answer without the clauses about the carer, when it has clauses of both: "His is 37.2. Mine's
    38.5 but I'm not the one who had it" -> "His is 37.2." (the conversation is about `subject`)."""
    clauses = [c for c in re.split(r"(?<=[.;!?,])\s+|\s+but\s+", text) if c.strip()]
    words = re.compile(rf"^\W*({'|'.join(_SUBJECT_WORDS[subject])})\b", re.I)
    owners, owner = [], "theirs"
    for clause in clauses:  # a clause with no subject of its own goes on with the one before ("I have, twice")
        owner = "theirs" if words.match(clause) else "mine" if _FIRST_PERSON.match(clause) else owner
        owners.append(owner)
    if not ({"theirs", "mine"} <= set(owners) and any(words.match(c) for c in clauses)):
        return text
    return " ".join(c for c, o in zip(clauses, owners, strict=True) if o == "theirs")


def _invited(
    findings: Findings,
    updated: Findings,
    message: Findings,
    text: str,
    intent: str | None,
    state: State,
    systems: Mapping[str, float] | None,
) -> Step:
    """The reply to the invitation, read as a new message would be: a symptom is assessed (with its own
    questions); another report with nothing we can read gets the clarifying question (then, whatever the
    reply, a symptom we cannot assess); anything else ("I'm fine", "just a question about parking", an
    aside) ends it with no disposition."""
    closed = replace(state, pending=None, put=False, reasked=False)
    if not message.is_empty or (message.infusion is not None and findings.infusion is None):
        return Step(updated, closed, done=_raised(findings, updated))
    if is_report(message, intent == "report_symptoms", text, systems):
        if "describe_symptom" in state.asked:
            return Step(updated.merge(Findings(unknown_symptom=True)), closed, done=True)
        return Step(updated, replace(closed, pending="describe_symptom", unclear_report=True))
    something = _QUALIFIED_FINE, _ASKS_ABOUT_SOMETHING, _MOSTLY_FINE
    # something began or is going on ("started 10 min ago. worse", "bit meh since last night"): not fine
    # ("fine in the day, the thumping started tonight": the "fine" was before it began)
    fine = _FINE.search(text or "") if says_fine(text) else None
    began = _BEGAN.search(text or "", fine.end()) if fine else None
    going_on = _GOING_ON.search(text or "") and (not fine or began) and intent not in ASIDES
    if (going_on or any(p.search(text or "") for p in something)) and "describe_symptom" not in state.asked:
        # "ok sitting down", "is this normal?", "fine mostly": something not yet told
        return Step(updated, replace(closed, pending="describe_symptom", unclear_report=True))
    return Step(updated, closed, aside=intent if intent in ASIDES else None, no_symptom=True, done=True)


_BEGAN = re.compile(r"\b(started|starting|began|begun|came on|come on|kicked in|worse|worsening)\b", re.I)
# Something began, lasts or changes: said in reply to "how are you feeling", a report to ask about.
_GOING_ON = re.compile(
    r"\b(started|starting|starts|began|begun|since|came on|come on|comes on|coming on|kicked in|worse|worsening|"
    r"getting bad|all day|all night|for (the )?(last|past) \w+|on and off|keeps? (coming|happening))\b",
    re.I,
)


# Well only under a condition ("ok sitting down", "fine as long as I lie still", "good until I stand up"): said
# of something that is not well otherwise, so asked about.
_QUALIFIED_FINE = re.compile(
    r"\b(ok|okay|fine|alright|all right|good|better)\s+(when|while|if|as long as|unless|until|till|sitting|lying|"
    r"resting|at rest|in bed|standing still|except|apart from|but)\b",
    re.I,
)


# A question about something not yet named ("is this normal?", "should I be worried?", "is that bad after IVIG?"):
# there is something to tell, so it is asked for.
_ASKS_ABOUT_SOMETHING = re.compile(
    r"\b(is|are|was|could|would)\s+(this|that|it|these|those)\s+(\w+\s+)?(normal|ok|okay|alright|bad|serious|"
    r"dangerous|common|expected|worrying|a worry|a problem|something|concerning|a side effect)\b|"
    r"\bshould\s+(i|we)\s+(be\s+)?(worr|concern|panic|call|ring|phone)",
    re.I,
)


# A question of the patient's own at the closing screen ("Can he have paracetamol?") names nothing more: the
# disposition's advice answers it.
_A_QUESTION = re.compile(r"\?\s*$|^\W*(can|could|should|is it|do|does|will|what|when|how)\b.*\?", re.I)


def _nothing_more(reading, text: str, intent: str | None) -> bool:
    """The closing screen answered "nothing else": no, "that's all", "I'm fine otherwise"; or the patient
    is leaving ("bye": no answer, so the disposition comes on what was said, with what to watch for).
    A yes, a hedge or an unreadable answer is not (the description is asked for, after one re-ask of an
    unreadable answer); a reply that names a symptom is read as any message is."""
    if reading is Answer.NO:
        return True
    if reading is not None:
        return False
    said_fine = says_fine(text) and not _BARE_OK.fullmatch(text or "")
    return said_fine or bool(_NOTHING_ELSE.search(text or "")) or intent == "goodbye"


def _read(question: Question, text: str, message: Findings):
    if question.kind == YES_NO:
        if question.id in message.symptoms:
            return Answer.YES
        if question.id in message.denied:
            return Answer.NO
        if question.id in NONE_IS_YES and _NONE.match(text or ""):
            return Answer.YES
        if cries_for_help(text):
            return Answer.YES  # "help" to "do you have any of these right now?": the safer reading, at once
        if question.id not in SCREENS and _OK_ALONE.match(text or ""):
            return Answer.NO
        state = NORMAL_STATES[question.id].search(text or "") if question.id in NORMAL_STATES else None
        if state and _STATE_DENIED.search(text[: state.start()]):
            return Answer.YES
        if state and (
            read_answer(text) in (None, Answer.NO)
            or _yes_to_the_state(text, state.start())
            or (hedge_at(text) or 0) > state.start()  # "Awake, just a bit flat": the hedge is of something else
        ):
            return Answer.NO  # "alert and chatty", "tired but fine", "ya awake lol"
        rates = vitals.heart_rates_answered(text) if question.id == "palpitations" else []
        if rates and max(rates) >= vitals.HEART_RATE_CALL_FROM:
            return Answer.YES
        plain = read_answer(text) if rates else None
        if rates and plain is not Answer.YES and not (plain is Answer.UNSURE and max(rates) >= FAST_ENOUGH_TO_ASK):
            return Answer.NO  # "normal I think, it's 70ish"; "yes, 95" stays yes; "maybe? 115 lying down" unsure
        if question.id == "severe_breathing_difficulty" and cannot_talk(text):
            return Answer.YES  # "he can't talk in full sentences"
        if question.id == "severe_breathing_difficulty" and talks_normally(text):
            return Answer.NO  # "yes short of breath on stairs, but I can talk normal sentence"
        if question.id == "crushing_chest_pain" and names_a_crushing_sign(text):
            return Answer.YES
        if question.id in EXTREME_QUESTIONS:
            return read_degree(text, extreme=True)
        reading = read_degree(text) if question.id in DEGREE_QUESTIONS else read_answer(text)
        if (
            question.id == "swollen_painful_limb"
            and reading is not Answer.YES
            and _AT_THE_SITE.search(text or "")
            and not _ELSEWHERE.search(text or "")
        ):
            return Answer.NO  # "just the drip bit, bit puffy": the infusion site's irritation, not a limb
        if MILDER_FORM.get(question.id) in message.symptoms and reading is not Answer.YES:
            return Answer.NO
        nothing_else = _NOTHING_ELSE.search(text or "")
        if nothing_else and (
            reading is None or (reading is Answer.UNSURE and not text[: nothing_else.start()].strip())
        ):
            return Answer.NO  # "nothing else, bit tired that's all", "that's it": nothing more than was said
        return reading
    if question.kind == TEMPERATURE:
        if message.temperature_c is not None:
            return message.temperature_c
        return read_temperature(text)
    if question.kind == TIME:
        reply = (text or "").strip()
        if not reply or reply.startswith("/"):
            return "not known" if reply == "/dont_know" else None
        return reply
    return None  # DESCRIBE: whatever the reply, see _apply


# An answer that only says the pain already told is there ("no swelling, only aching" after aches)
ACHING = frozenset({"muscle_aches", "joint_pain", "headache", "infusion_site_irritation"})
_ACHE_WORD = re.compile(r"\b(ache|aches|aching|achy|achey|sore|soreness|pain|pains|hurts?|hurting)\b", re.I)


def _the_ache_told(findings: Findings, text: str) -> bool:
    """The answer's complaint is only an ache, with no part of the body named, and an ache was told before."""
    return bool(findings.symptoms & ACHING) and bool(_ACHE_WORD.search(text)) and not names_body_part(text)


def _yes_to_the_state(text: str, start: int) -> bool:
    """ "ya awake", "yes he's wide awake": the yes affirms the normal state that follows it, not the sign."""
    before = text[:start]
    return 0 < len(re.findall(r"[\w']+", before)) <= 3 and read_answer(before) is Answer.YES


def _apply(
    question: Question, reading, updated: Findings, before: Findings, message: Findings, text: str
) -> tuple[Findings, str | None, bool]:
    """The findings after a read answer, a note to say, and whether the reply says nothing is wrong."""
    if question.kind == YES_NO:
        present = reading in (Answer.YES, Answer.UNSURE)
        updated = updated.with_answer(question.id, present)
        if reading is Answer.UNSURE:
            updated = replace(updated, hedged=updated.hedged | {question.id})
            return updated, SAFE_YES, False
        return updated, None, False
    if question.kind == TEMPERATURE:
        if isinstance(reading, float):
            return updated.merge(Findings(temperature_c=reading)), None, False
        if reading == "not_high":
            return replace(updated, temperature_not_high=True), None, False
        return updated.merge(Findings(temperature_unknown=True)), None, False
    if question.kind == TIME:
        # The time itself is read from the message by bot.timeline (the adapter has the clock): kept if
        # it was; otherwise the answer is an unknown time, in the patient's words ("not sure").
        return (
            (updated if updated.infusion else replace(updated, infusion=InfusionTime(None, False, str(reading)[:120]))),
            None,
            False,
        )
    # DESCRIBE: a reply that names a symptom we know explains the report; "I'm fine" means nothing is
    # wrong; anything else leaves a symptom we cannot assess.
    if message.symptoms or message.temperature_c is not None:
        return updated, None, False
    if not before.unknown_symptom and not message.unknown_symptom and says_fine(_PART_FINE.sub(" ", text or "")):
        return updated, None, True
    return updated.merge(Findings(unknown_symptom=True)), None, False


# "light is fine", "neck's ok": one part said to be well, in a description of something else ("all round my
# head, dull pressure, 2-3/10, light is fine"), is no "nothing is wrong"
_PART_FINE = re.compile(
    r"\b(?!(?:i|it|everything|all|that|things|this|he|she|they|we|am|i'm|im)\b)\w+(?:'s|\s+(?:is|are|was|seems|looks))\s+"
    r"(?:fine|ok|okay|good|normal|alright|all right)\b",
    re.I,
)


_FINE = re.compile(
    r"\b(fine|nothing|no problems?|all good|good|ok|okay|well|no symptoms?|zero (symptoms?|side effects|problems)|"
    r"symptom[- ]free|no side effects|just checking|sorted|"
    r"not (unwell|ill|poorly|sick)|(just|only|it'?s) (a|an) (\w+ )?(question|query|enquiry)|"
    r"nothing wrong|nothing to report|feeling great|great|grand|(i )?feel (normal|myself)|back to normal|"
    r"(do not|don'?t) have any symptoms|(haven'?t|have not) got any symptoms|"
    r"eaten (her|his|their|my) (dinner|tea|lunch|breakfast)|(is|'s|are|'re) (eating|playing|laughing|running around)|"
    # "I don't feel anything, I'm asking about money" (not "I don't feel anything in my left hand": numb)
    r"(don'?t|do not|not|am not|'m not) feel(ing)? anything(?!\s+(in|on|from|below|down|with|at|when)\b))\b",
    re.I,
)


_NOT_FINE = re.compile(
    r"(\bnot|" + NT + r"|\bnever|\bno longer|\bfar from|\bnuh)\s+(\w+\s+){0,2}"
    r"(fine|well|good|ok|okay|great|grand|eating|eaten|playing)\b",
    re.I,
)
_MOSTLY_FINE = re.compile(
    r"\b(mostly|mainly|largely|pretty much|more or less|sort of|kind of|kinda|almost|nearly|fairly)\s+"
    r"(fine|ok|okay|good|alright|all right|well)\b|"
    # "all good mostly", "fine apart from one thing"; "one odd thing", "she looks odd": something is not well
    r"\b(fine|ok|okay|good|alright|all right|well)\s+(mostly|mainly|largely|apart from|except|other than)\b|"
    r"\b(one|an?|something|somethin'?)\s+(odd|strange|weird|funny)\b|"
    r"\b(looks?|looking|seems?|seeming|acting|gone)\s+(\w+\s+){0,2}(odd|strange|weird|funny|off|not right|wrong)\b|"
    # "seems ok, just a bit quiet", "fine but very sleepy": well, but for something
    r"\b(fine|ok|okay|good|alright|all right|well)\W+(just|only|but)\s+(a bit|a little|slightly|quite|very|really|so)\b",
    re.I,
)
_BARE_OK = re.compile(r"\W*(ok|okay|k|well|good)\W*", re.I)  # an acknowledgement, not "nothing else"
_NOTHING_ELSE = re.compile(
    r"\b(that'?s (it|all|everything)|nothing (else|more)|no(ne)? other|only that|just that)\b", re.I
)


# "am I ok to take Gaviscon?", "is it fine to shower?", "as well", "good evening": permission, "too" or a
# greeting, not all being well
_NOT_ABOUT_WELLBEING = re.compile(
    r"\b(ok|okay|fine|good|alright|all right)\s+(to|for)\b|\bas well\b|\bgood\s+(morning|afternoon|evening|day|night)\b",
    re.I,
)


# Something came on or is worsening: no all-clear, whatever "fine" is said beside it ("fine at teatime, this
# came on in the last half hour and it's getting worse")
_COMING_ON = re.compile(r"\b(worse|worsening|came on|come on|comes on|coming on|kicked in|flared( up)?)\b", re.I)


def says_fine(text: str) -> bool:
    """All is well: "I'm fine", "nothing to report"; not "not feeling well", "I don't feel good" or "fine
    earlier, but it's getting worse"."""
    text = _NOT_ABOUT_WELLBEING.sub(" ", text or "")
    return bool(_FINE.search(text)) and not (_NOT_FINE.search(text) or _COMING_ON.search(text))


def disposition_due(findings: Findings, previous_level: str | None) -> bool:
    """A red flag whose disposition has not been given yet: it comes before any further question (an
    unknown complaint told at the start, described during the questions)."""
    level = assess(findings, previous_level).level
    given = LEVELS.index(previous_level) if previous_level in LEVELS else -1
    return level in (CALL_DOCTOR_NOW, EMERGENCY) and LEVELS.index(level) > given


def _raised(before: Findings, after: Findings) -> bool:
    """A red flag that arrived during the questions: its disposition comes at once."""
    return disposition_due(after, assess(before).level)


@dataclass(frozen=True)
class Plan:
    """What to do with a report outside the questions: a disposition now and/or a question."""

    findings: Findings
    state: State
    disposition_now: bool
    question: str | None = None


def is_report(message: Findings, classified: bool, text: str = "", systems: Mapping[str, float] | None = None) -> bool:
    """Does this message report something to assess? The one answer for the dialogue and the evaluator.

    A message in which the rules read something (a symptom, a temperature, a complaint they cannot name)
    or the learned layer suggests a red-flag system is a report. One in which they read nothing is a report
    only when the intent classifier says so (`classified`), and not when it only denies symptoms ("no
    rash"), says all is well ("I'm fine thanks, just checking in"), or the learned body-system layer
    (`systems`, its probabilities) rates it "nothing to report" at bot/system_checks.py's
    NOT_A_REPORT_THRESHOLD or above ("Is there parking?", "any news on my blood results?"). Without the
    learned layer's output the classifier decides."""
    if not message.is_empty or message.to_check:
        return True
    if not classified or message.denied or says_fine(text) or system_checks.asks_for_paperwork(text):
        return False  # "can I have a copy of my discharge letter?": a request, not a report
    return (systems or {}).get("none", 0.0) < system_checks.NOT_A_REPORT_THRESHOLD


def in_context(known: Findings, message: Findings, text: str, worst_only: bool = False) -> Findings:
    """A message read with what was told before it: one that names no symptom of its own but points back
    at one with a sudden, worst-ever or worse word gets that symptom's worse forms (WORSE_FORM, WORST_FORM)
    instead of "a symptom I cannot assess". `worst_only`: only the worst forms (an answer to a question of
    degree, where "I've had way worse" compares and raises nothing)."""
    if message.symptoms or not _POINTS_BACK.search(text or ""):
        return message
    forms = {WORST_FORM[s] for s in known.symptoms if s in WORST_FORM} if says_worst_form(text) else set()
    if not worst_only and (forms or says_worse(text)):
        forms |= {WORSE_FORM[s] for s in known.symptoms if s in WORSE_FORM}
    if not forms:
        return message
    return replace(message, symptoms=frozenset(forms), unknown_symptom=False)


def plan(
    findings: Findings,
    message: Findings,
    state: State,
    previous_level: str | None,
    reported: bool,
    text: str = "",
    asked_infusion_time: bool = True,
    systems: Mapping[str, float] | None = None,
) -> Plan:
    """A new message outside the questions: give a disposition now (red flags), ask first (mild), or
    clarify a report we could not read. `reported`: the NLU routed it as a symptom report; `systems`: the
    learned layer's probabilities for the message (`is_report`)."""
    state = replace(state, turns=0, pending=None, put=False, reasked=False)
    unclear = message.is_empty and is_report(message, reported, text, systems)
    if (unclear or message.unknown_symptom) and "describe_symptom" not in state.asked:
        known_level = assess(replace(findings, unknown_symptom=False), previous_level).level
        if known_level != EMERGENCY:
            vague = message.unknown_symptom and not message.symptoms and not mentions_complaint(text)
            state = replace(state, unclear_report=not message.unknown_symptom, vague_report=vague)
            # A known red flag beside it is answered first; the description is asked after it.
            return Plan(findings, state, disposition_now=known_level == CALL_DOCTOR_NOW, question="describe_symptom")
    if unclear:  # described once already: a second unclear report is a symptom we cannot assess
        findings = findings.merge(Findings(unknown_symptom=True))
    level = assess(findings, previous_level).level
    if level is None:
        # The classifier took it for a report, but the learned layer rates it "nothing to report": no
        # disposition and no clarifying question, the invitation to say how the patient feels (once; its
        # reply is read as a new message would be, see `_invited`).
        mostly = bool(_MOSTLY_FINE.search(text or ""))  # "mostly fine": something is not, so ask how they feel
        fine = says_fine(text) and not mostly
        invite = (reported or mostly) and message.is_empty and not message.denied and not fine
        if invite and INVITE not in state.asked:
            return Plan(findings, state, disposition_now=False, question=INVITE)
        # "All good, just checking in": glad to hear it, and the red-flag screen once (people play things down).
        check_in = message.is_empty and fine and not findings.symptoms and previous_level is None
        return Plan(
            findings,
            state,
            disposition_now=False,
            question=CHECK_IN if check_in and CHECK_IN not in state.asked else None,
        )
    question = next_question(findings, state, previous_level, asked_infusion_time)
    return Plan(
        findings, state, disposition_now=level in (CALL_DOCTOR_NOW, EMERGENCY) or question is None, question=question
    )
