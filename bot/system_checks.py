"""The learned second opinion: which red-flag body system to ask about, and the question to ask.

Read it as a clinician. A classifier (components/nlu/body_systems.py, trained on
data/body_systems/corpus.jsonl, written by someone who never saw the lexicon or the evaluation sets)
gives each message a probability per body system. It never decides anything: where it sees a red-flag
system that the rules did not find, the bot asks ONE yes/no question about that system's sign. The
answer decides, through the rules, as for any other follow-up question.

Interface for the dialogue (bot/findings.py `Findings.to_check`):
  - `to_check` holds symptom ids of bot/lexicon.py, one per suggested system (`ASK_ABOUT` below).
    An id in `to_check` is never a symptom by itself and never changes the level.
  - bot/dialogue.py asks about each id whose "yes" would raise the level, with Yes / No buttons:
    its own follow-up question where it has one (a stiff neck, vomiting, a spreading rash, swelling of
    the face), else the question of `QUESTIONS` below, worded for the patient or a caregiver
    (`Findings.subject`: None, "he", "she" or "they").
  - "yes" is `findings.with_answer(id, True)` (the symptom is then present and the rules give its
    level); "no" is `findings.with_answer(id, False)` (denied); "not sure" keeps the safer reading,
    as for every question. `Findings.merge` drops an id from `to_check` once it is present or denied.
  - `suggest()` leaves `to_check` empty when the rules already give an emergency (nothing to add:
    red flags first).
"""

from __future__ import annotations

import re

from bot import lexicon

# When the model's probability for a system reaches its threshold, the bot asks. Each threshold is
# the highest at which that system's recall on held-out folds of the training corpus is at least 0.95
# (5-fold cross-validation, `python -m eval.body_systems cv` prints them): a recall net, so it errs
# towards asking. The model must also rate the system above "nothing to report" (its `none` category:
# "no trouble breathing, all good", "if I get a rash later, what do I do?").
THRESHOLDS: dict[str, float] = {
    "breathing": 0.37,
    "chest": 0.59,
    "swelling_face_throat": 0.32,
    "consciousness": 0.25,
    "neuro_one_side": 0.31,
    "headache_neck": 0.31,
    "urine": 0.26,
    "limb_swelling": 0.66,
    "vomiting": 0.17,
    "heart": 0.61,
    "dizziness": 0.16,
    "jaundice": 0.65,
    "skin_rash": 0.37,
}
# When the rules already found a symptom in the message, the message is explained in part: another
# system is asked about only if the model also finds it more likely than not ("bit of redness where the
# IV went in" is not asked about fainting; "a rash on my arm" not about a stroke).
FOUND_SOMETHING_THRESHOLD = 0.5
# A message in which the rules read nothing (no symptom, no temperature, no complaint, no denial) is not a
# symptom report when the model rates "nothing to report" (`none`) at least this high, whatever the intent
# classifier said ("Is there parking at the centre?", "all good 👍"): no disposition, an invitation to say
# how the patient feels (bot/dialogue.py `is_report`). It is the lowest value at or above which at most
# 0.5 % of the corpus messages that carry a red-flag system fall, on held-out folds of the same 5-fold
# cross-validation (`python -m eval.body_systems cv` prints it); not tuned on any evaluation set.
NOT_A_REPORT_THRESHOLD = 0.86
PARSE_KEY = "body_systems"  # where the Rasa component puts the probabilities in the parse data
_ADMIN = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(lexicon.ADMIN_PHRASES, key=len, reverse=True)) + r")\b"
)


def asks_for_paperwork(text: str) -> bool:
    """A request about paperwork or appointments and nothing else (lexicon.ADMIN_PHRASES, said only with
    lexicon.REQUEST_WORDS): "can I have a copy of my discharge letter sent to my GP". The model asks nothing
    about it and the dialogue gives no disposition; a message with any other word is read as usual."""
    lowered = (text or "").lower()
    if not _ADMIN.search(lowered):
        return False
    rest = re.findall(r"[a-z]+", _ADMIN.sub(" ", lowered))
    return all(word in lexicon.REQUEST_WORDS for word in rest)


# Red-flag system -> the symptom id to ask about (a sign a nurse would not send home).
ASK_ABOUT: dict[str, str] = {
    "breathing": "breathing_difficulty",
    "chest": "chest_tightness",
    "swelling_face_throat": "throat_or_face_swelling",
    "consciousness": "fainting",  # "fainting or not responding": fainted, collapsed, hard to wake
    "neuro_one_side": "stroke_signs",
    "headache_neck": "neck_stiffness",
    "urine": "little_or_no_urine",
    "limb_swelling": "swollen_painful_limb",
    "vomiting": "vomiting",
    "heart": "palpitations",
    "dizziness": "dizziness",
    "jaundice": "jaundice",
    "skin_rash": "severe_rash",
}

# Every lexicon symptom's body system. A system is "found" by the rules when one of its symptoms (mild
# ones included) was reported or asked about: its own follow-up questions then apply (a headache
# already leads to "is your neck stiff?"), so the model adds no question for it. A denied symptom
# only stops the question about that very symptom ("not crushing, just heavy" still asks about chest
# tightness; "no trouble breathing" does not ask about breathing).
SYSTEM_OF: dict[str, str] = {
    "breathing_difficulty": "breathing",
    "severe_breathing_difficulty": "breathing",
    "blue_lips": "breathing",
    "chest_tightness": "chest",
    "crushing_chest_pain": "chest",
    "throat_or_face_swelling": "swelling_face_throat",
    "fainting": "consciousness",
    "seizure": "consciousness",
    "confusion": "consciousness",
    "stroke_signs": "neuro_one_side",
    "headache": "headache_neck",
    "severe_headache": "headache_neck",
    "neck_stiffness": "headache_neck",
    "worst_headache": "headache_neck",
    "dark_urine": "urine",
    "little_or_no_urine": "urine",
    "swollen_painful_limb": "limb_swelling",
    "vomiting": "vomiting",
    "persistent_vomiting": "vomiting",
    "palpitations": "heart",
    "clammy_skin": "heart",  # cold, clammy or grey: the circulation
    "indigestion": "chest",  # heartburn is told of the chest
    "fast_heart_rate": "heart",
    "high_blood_pressure": "heart",
    "low_blood_pressure": "heart",
    "light_sensitivity": "headache_neck",
    "low_oxygen": "breathing",
    "lowish_oxygen": "breathing",
    "dizziness": "dizziness",
    "jaundice": "jaundice",
    "rash": "skin_rash",
    "severe_rash": "skin_rash",
    "fever": "fever",
    "high_fever": "fever",
    "chills": "fever",
    "nausea": "stomach_mild",
    "infusion_site_irritation": "infusion_site",
    "muscle_aches": "muscles_joints",
    "joint_pain": "muscles_joints",
    "tiredness": "general_mild",
    "flu_like_symptoms": "general_mild",
    "flushing": "general_mild",
}

# The yes/no question for each id, in plain words. {you} {your} {are} {have} {do} become
# "you your are have do" for the patient and "he his is has does" (she ..., they ...) for a caregiver
# (bot/dialogue.py `question_text`).
QUESTIONS: dict[str, str] = {  # neck_stiffness, vomiting, severe_rash, throat_or_face_swelling: bot/dialogue.py
    "breathing_difficulty": "{are} {you} having any trouble breathing right now?",
    "chest_tightness": "{do} {you} have any tightness, pressure or pain in {your} chest?",
    "fainting": "{have} {you} fainted or passed out, or {are} {you} very hard to wake or not responding normally?",
    "stroke_signs": "Is one side of {your} face drooping, or is one arm or leg weak or numb, or is {your} speech "
    "slurred?",
    "little_or_no_urine": "Is {your} pee much darker than usual, or {are} {you} passing much less of it?",
    "swollen_painful_limb": "Is one of {your} legs or arms swollen, painful or warm to the touch?",
    "palpitations": "Is {your} heart racing, pounding or beating unevenly?",
    "dizziness": "{are} {you} feeling dizzy or light-headed?",
    "jaundice": "Are the whites of {your} eyes, or {your} skin, turning yellow?",
}


def sees(system: str, probabilities: dict[str, float], thresholds: dict[str, float] = THRESHOLDS) -> bool:
    """Does the model see a red-flag `system` in the message (the rules aside)?"""
    p = probabilities.get(system, 0.0)
    return p >= thresholds[system] and p > probabilities.get("none", 0.0)


# Words that carry nothing for the model to read: a reply made only of these and English stop words ("nope,
# nothing like that", "yes thanks") gets no learned question; its answer is read as an answer.
PLAIN_ANSWER_WORDS = frozenset(
    {"nope", "nah", "naw", "yeah", "yep", "yup", "yes", "ok", "okay", "fine", "thanks", "thank", "like", "sure", "good"}
)


def says_only_an_answer(content_words: list[str]) -> bool:
    """Every word a plain answer word (`content_words`: the message's lower-cased words that are not stop words;
    the caller's tokenizer knows those, so this module stays free of spaCy for the audit tools that import it)."""
    return all(w in PLAIN_ANSWER_WORDS for w in content_words if w.isalpha())


def suggest(
    probabilities: dict[str, float],
    symptoms: frozenset[str],
    denied: frozenset[str] = frozenset(),
    asked_about: frozenset[str] = frozenset(),
    level: str | None = None,
    explained: bool = False,
) -> frozenset[str]:
    """The ids to ask about: red-flag systems the model sees and the rules did not find.

    `probabilities` is the model's output (system -> probability); the other arguments are what the
    rules found in the same message, and `level` their disposition; `explained`: the message says the
    patient is getting better (bot/nlp.py `says_improving`), which explains it as a symptom found does.
    """
    if level == lexicon.EMERGENCY:
        return frozenset()
    found = {SYSTEM_OF.get(s) for s in symptoms | asked_about}
    floor = FOUND_SOMETHING_THRESHOLD if symptoms or explained else 0.0
    return frozenset(
        symptom
        for system, symptom in ASK_ABOUT.items()
        if sees(system, probabilities)
        and probabilities[system] >= floor
        and system not in found
        and symptom not in denied
    )
