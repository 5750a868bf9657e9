"""Rasa NLU component: the deterministic symptom layer sees every message.

Runs after the intent classifier and entity extractors. It reads the rule findings from the
spaCy doc that SpacyNLP made with our pipeline, adds any symptom the statistical entity
extractor found that the rules did not, and puts the result in the parse data as
`triage_findings`. A message that reports a symptom is routed as `report_symptoms` whatever the
classifier said ("hello, I can't breathe" is not a greeting), so a red flag never hangs on one
intent score; one with a life-threatening sign as `report_emergency`, which a rule answers with the
emergency number from the domain before any custom action runs. The classifier's own intent is kept as `intent_before_scan` for form answers.

The learned body-system classifier (components/nlu/body_systems.py, before this component) leaves
`body_systems` probabilities; the red-flag systems it sees that the rules did not find become
`to_check` ids (bot/system_checks.py): questions to ask, never symptoms. A message with nothing but
such a suggestion is routed as a symptom report too, so that the question is asked; so is a message that
says all is well after the infusion, for the red-flag screen.
"""

from dataclasses import replace
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot import system_checks
from bot.context_rules import INFUSION_WORDS
from bot.dialogue import says_fine
from bot.findings import findings_from_doc, with_ml_symptoms
from bot.lexicon import EMERGENCY, SYMPTOMS
from bot.nlp import (
    about_someone_else,
    excluded,
    names_a_complaint,
    only_idioms,
    only_not_now,
    over_symptoms,
    says_improving,
    spelled_text,
)
from bot.triage import assess

REPORT_SYMPTOMS = "report_symptoms"
REPORT_EMERGENCY = "report_emergency"  # given only here, never learnt: a rule answers it from the domain
NOT_A_REPORT = (
    "inform"  # a message that says only that the patient is getting better, or whose symptom words are idioms
)
# A statistical symptom phrase with no known id counts as an unknown symptom from this confidence on;
# below it the extractor mostly tags greetings and questions (measured on eval/sets/dev_set.yml).
UNKNOWN_SYMPTOM_CONFIDENCE = 0.8


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR],
    is_trainable=False,
)
class SymptomScanner(GraphComponent):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SymptomScanner":
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._scan(message)
        return messages

    def _scan(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        doc = message.get(SPACY_DOCS[TEXT])
        if doc is None:
            from bot.nlp import load

            doc = load()(text)
        findings = findings_from_doc(doc)
        # Symptom phrases the statistical extractor found where the rules found nothing, with the same
        # context rules as the lexicon (negated, asked about, historical, someone else's, an idiom: left out).
        # A phrase with no known id is an unknown symptom only when it names a complaint or a body part
        # ("my ears feel full"), not for ordinary words it happened to tag ("paracetamol seems to be helping").
        rule_spans = [(span.start_char, span.end_char) for span in doc.spans.get("symptoms", [])]
        ml_only = [
            e["value"]
            for e in message.get(ENTITIES) or []
            if e.get("entity") == "symptom"
            and not any(e["start"] < b and a < e["end"] for a, b in rule_spans)
            and (
                e["value"] in SYMPTOMS
                or (
                    (e.get("confidence_entity") or 0) >= UNKNOWN_SYMPTOM_CONFIDENCE
                    and names_a_complaint(doc, e["start"], e["end"], strong_only=bool(findings.symptoms))
                )
            )
            and not excluded(doc, e["start"], e["end"])
        ]
        findings = with_ml_symptoms(findings, ml_only)
        level = assess(findings).level
        probabilities = message.get(system_checks.PARSE_KEY)
        # no question about paperwork, nor about someone else when the writer (the patient) is well
        if (
            probabilities
            and not system_checks.asks_for_paperwork(text)
            and not (findings.is_empty and about_someone_else(doc))
            and not system_checks.says_only_an_answer([t.lower_ for t in doc if not t.is_stop])
        ):
            findings = replace(
                findings,
                to_check=system_checks.suggest(  # a symptom said to be over explains the message too
                    probabilities,
                    findings.symptoms | over_symptoms(doc),
                    findings.denied,
                    findings.asked_about,
                    level,
                    explained=says_improving(doc),  # so does getting better ("much better already")
                ),
            )
        message.set("triage_findings", findings.to_dict(), add_to_output=True)
        message.set("spelled_text", spelled_text(doc), add_to_output=True)  # the answer reader's second try
        intent: dict[str, Any] | None = message.get(INTENT)
        message.set("intent_before_scan", (intent or {}).get("name"), add_to_output=True)
        routed = REPORT_EMERGENCY if level == EMERGENCY else REPORT_SYMPTOMS
        # "All good after the infusion, just letting you know" is how the patient is: the triage gives its
        # red-flag screen (bot/dialogue.py CHECK_IN), whatever the classifier took it for.
        check_in = findings.is_empty and says_fine(text) and any(t.norm_ in INFUSION_WORDS for t in doc)
        # Nothing read by any layer, and the message says the patient is improving ("he's warmed up a bit"), its
        # only symptom words are idioms ("the form is giving me a headache") or all over, an "if" or someone
        # else's ("felt sick on the way home but that passed"): no report, whatever the classifier took it for.
        tagged = [(e["start"], e["end"]) for e in message.get(ENTITIES) or [] if e.get("entity") == "symptom"]
        if (
            findings.is_empty
            and not findings.to_check
            and not findings.denied
            and (intent or {}).get("name") == REPORT_SYMPTOMS
            and (says_improving(doc) or only_idioms(doc, tagged) or only_not_now(doc))
        ):
            message.set(INTENT, {"name": NOT_A_REPORT, "confidence": 1.0}, add_to_output=True)
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != NOT_A_REPORT]
            message.set(INTENT_RANKING_KEY, [{"name": NOT_A_REPORT, "confidence": 1.0}] + ranking, add_to_output=True)
            return
        if (not findings.is_empty or findings.to_check or check_in) and (intent or {}).get("name") != routed:
            message.set(INTENT, {"name": routed, "confidence": 1.0}, add_to_output=True)
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != routed]
            message.set(INTENT_RANKING_KEY, [{"name": routed, "confidence": 1.0}] + ranking, add_to_output=True)
