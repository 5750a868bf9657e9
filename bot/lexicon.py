"""Symptom lexicon: what a patient may say, and what each symptom alone means.

Read it as a clinician: one line per symptom, its level when reported alone, and the lay
phrases that name it. `[a|b]` means "a or b"; `[a|]` means "a, or nothing".
Combinations (headache + stiff neck, fever + a measured temperature) live in `triage.py`.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

EMERGENCY = "emergency"
CALL_DOCTOR_NOW = "call_doctor_now"
MANAGE_AT_HOME = "manage_at_home"


@dataclass(frozen=True)
class Symptom:
    level: str
    name: str  # plain words used in summaries: "you told me you have ..."
    phrases: tuple[str, ...]
    worse_as: str | None = None  # the symptom this becomes when severe or getting worse
    worst_as: str | None = None  # the symptom this becomes when "the worst ever"


def _s(level: str, name: str, *phrases: str, worse_as: str | None = None, worst_as: str | None = None) -> Symptom:
    return Symptom(level, name, phrases, worse_as, worst_as or worse_as)


_MY = "[my|the|our|]"
_VERY = "[really|very|so|super|pretty|extremely|quite|kinda|kind of|a bit|a little|slightly|sort of|getting|]"

SYMPTOMS: dict[str, Symptom] = {
    # --- Mild, manage at home (the article's common side effects, and what a nurse calls mild)
    "infusion_site_irritation": _s(MANAGE_AT_HOME, "irritation where the drip went in",
        f"[redness|red|sore|soreness|swelling|swollen|bruise|bruising|bruised|itchy|itching|pain|painful|tender|irritation|irritated|a bump|lump] [at|around|where|near] {_MY} [iv|needle|drip|cannula|infusion|injection|line] [site|spot|went in|was|]",
        f"{_MY} [iv|needle|drip|cannula|infusion|injection] [site|spot|arm] [is|feels|looks|got|] {_VERY} [red|sore|swollen|bruised|itchy|tender|irritated|painful]",
        "[arm|hand] [is|feels|] [sore|bruised|red] where [the|my] [needle|iv|drip] [was|went in]"),
    "headache": _s(MANAGE_AT_HOME, "a headache",
        "headache", "headaches", "head ache", "head hurts", "head is hurting", "head is pounding",
        "head pounding", "my head is killing me", "migraine", "head is throbbing", "sore head",
        "pain in my head", worse_as="severe_headache", worst_as="worst_headache"),
    "flushing": _s(MANAGE_AT_HOME, "flushing",
        "flushing", "flushed", "flush", f"{_MY} face [is|feels|looks|went|] {_VERY} [red|hot|warm]",
        "red face", "hot flushes", "hot flashes", "face feels hot"),
    "fever": _s(MANAGE_AT_HOME, "a fever",
        "fever", "feverish", "fevers", "[have|had|got|running|with] a [slight|little|small|low|mild|] [temperature|temp]",
        "a bit of a [temperature|temp]", "[slight|low|mild|small] [temperature|temp]", "running hot", "low grade fever", "low-grade fever", "feel hot",
        "feeling hot", "sweats", "sweating", "sweaty", "hot and [shivery|cold|sweaty|clammy]", "hot then cold"),
    "chills": _s(MANAGE_AT_HOME, "chills",
        "chills", "chilly", "shivering", "shivers", "shivery", "shivered", "shaking with cold", "feel cold", "feeling cold",
        "freezing", "cold sweats", "rigors"),
    "nausea": _s(MANAGE_AT_HOME, "nausea",
        "nausea", "nauseous", "nauseated", "queasy", "sick to my stomach", f"[feel|feeling|felt] {_VERY} sick",
        "upset stomach", "sick feeling", "like i'm going to throw up", "like i might throw up",
        "like i am going to be sick", "want to throw up"),
    "muscle_aches": _s(MANAGE_AT_HOME, "muscle aches",
        "muscle aches", "muscle ache", "muscle pain", "muscles ache", "muscles are sore", "sore muscles",
        "muscles hurt", "aching muscles", "achy muscles", "body aches", "body ache", "aching all over", "achy", "aches"),
    "joint_pain": _s(MANAGE_AT_HOME, "joint pain",
        "joint pain", "joints hurt", "joints ache", "sore joints", "achy joints", "aching joints"),
    "tiredness": _s(MANAGE_AT_HOME, "tiredness",
        "tired", "tiredness", "exhausted", "exhaustion", "fatigue", "fatigued", "worn out", "no energy",
        "wiped out", "drained", "sleepy", "lethargic", "run down", "knackered", "shattered", "pooped", "beat",
        "zonked", "no energy at all"),
    "flu_like_symptoms": _s(MANAGE_AT_HOME, "a flu-like feeling",
        "flu like", "flu-like", "like the flu", "like a [mild|bad|touch of|bit of a|] flu", "feel crook", "feeling crook", "like i have the flu", "like flu", "fluey", "flu symptoms",
        "coming down with something", "under the weather", "achy and shivery", "feel rough", "feel crummy",
        "feel lousy", "feel awful", "feel terrible", "feel unwell", "feel ill", "not feeling well",
        "not feeling great", "flu-y", "fluy", "flu ish", "flu-ish", "feel blah", "feeling blah"),
    "rash": _s(MANAGE_AT_HOME, "a rash",
        "rash", "rashes", "hives", "bumpy rash", "itchy bumps", "red bumps", "welts", "blotches", "blotchy skin",
        "itchy skin", "skin is itchy", "skin itching", "spots on my skin", "red spots", "itchy",
        worse_as="severe_rash"),
    # --- Call your doctor now (the article's red flags, and signs a nurse never sends home)
    "breathing_difficulty": _s(CALL_DOCTOR_NOW, "difficulty breathing",
        "short of breath", "shortness of breath", "out of breath", "breathless", "winded", "wheezing", "wheezy",
        "wheeze", f"[hard|difficult|tough|harder|trouble|difficulty|struggle|struggling] [to|] [breathe|breath|breathing]",
        "[cant|can't|cannot|can not] catch [my|a] breath", "trouble with [my|] breathing",
        "problems breathing", "breathing problems", "breathing is [hard|difficult|laboured|labored|heavy|off]",
        "breathing difficulties", "breathing difficulty", "shallow breathing", "tight breathing",
        "struggle for breath", "not getting enough air", "feel like i can't get enough air", "puffing", "panting",
        "puffed out", "huffing and puffing",
        "can't get enough air", "short of air", "air hunger",
        worse_as="severe_breathing_difficulty"),
    "chest_tightness": _s(CALL_DOCTOR_NOW, "chest tightness",
        f"{_MY} chest [is|feels|feel|felt|got|getting|] {_VERY} [tight|tightness|heavy|pressure|sore]",
        "tight chest", "tightness in [my|the] chest", "chest tightness", "pressure in [my|the] chest",
        "chest pressure", "chest pain", "chest hurts", "pain in [my|the] chest", "heavy chest",
        "chest discomfort", worse_as="crushing_chest_pain"),
    "vomiting": _s(CALL_DOCTOR_NOW, "vomiting",
        "vomiting", "vomited", "vomit", "vomits", "throwing up", "threw up", "thrown up", "throw up",
        "puking", "puked", "puke", "being sick", "been sick", "was sick", "got sick", "sick twice",
        "heaving", "retching", "barfed", "barfing", "chucking up", "chucked up", "hurled", "hurling", "hurl",
        "spewed", "spewing", "spew", "chundered", "chundering", "upchucked", "brought it back up",
        worse_as="persistent_vomiting"),
    "high_fever": _s(CALL_DOCTOR_NOW, "a high fever",
        "high fever", "high temperature", "high temp", "very high fever", "burning up", "raging fever",
        "really high fever", "fever is high", "temperature is high", "temp is high", "spiking a fever",
        "fever spiking"),
    "severe_rash": _s(CALL_DOCTOR_NOW, "a severe or spreading rash",
        "rash [is|has|] [spreading|spread|getting worse|worse|worsening|everywhere|all over]",
        "rash all over", "spreading rash", "worsening rash", "severe rash", "hives all over",
        "hives [are|is|] spreading", "hives everywhere", "blistering rash", "skin peeling", "blisters"),
    "neck_stiffness": _s(CALL_DOCTOR_NOW, "a stiff neck",
        "stiff neck", f"{_MY} neck [is|feels|feel|got|'s|] {_VERY} stiff", "neck stiffness",
        "[can't|cant|cannot|can not] [bend|move|turn] my neck",
        "[can't|cant|cannot|can not] [put|touch|bring|get] my chin [to|on|onto|against] my chest", "neck is [rigid|locked]",
        "sore stiff neck", "neck pain", "neck hurts", "neck ache"),
    "severe_headache": _s(CALL_DOCTOR_NOW, "a severe headache",
        "severe headache", "severe head ache", "splitting headache", "excruciating headache",
        "unbearable headache", "pounding headache", "terrible headache", "horrible headache",
        "awful headache", "really bad headache", "very bad headache", "bad headache", "massive headache",
        "intense headache", "blinding headache"),
    "swollen_painful_limb": _s(CALL_DOCTOR_NOW, "a painful swollen leg or arm",
        "[swollen|painful|sore] [calf|leg|arm] [and|] [swollen|painful|sore|red|warm|]",
        f"{_MY} [calf|leg|arm] [is|feels|] {_VERY} [swollen|painful|sore|hot|warm] and [swollen|painful|sore|hot|red|warm]",
        f"{_MY} [calf|leg] [is|feels|] {_VERY} swollen", "pain in my calf", "calf pain", "calf is swollen"),
    "dark_urine": _s(CALL_DOCTOR_NOW, "dark, red or brown urine",
        "[dark|red|brown|cola|tea|bloody|pink] [coloured|colored|] [urine|pee|wee]",
        f"{_MY} [urine|pee|wee] [is|looks|was|] {_VERY} [dark|red|brown|bloody|pink]", "blood in my [urine|pee]"),
    "little_or_no_urine": _s(CALL_DOCTOR_NOW, "little or no urine",
        "[haven't|havent|have not|not] [peed|urinated|wee'd] [all day|since|in hours|]",
        "[can't|cant|cannot] pee", "[can't|cant|cannot] urinate", "barely peeing", "hardly peeing",
        "not peeing", "no urine", "little urine", "not passing urine", "not passing water"),
    "jaundice": _s(CALL_DOCTOR_NOW, "yellow eyes or skin",
        "[yellow|yellowish] [eyes|skin]", f"{_MY} [eyes|skin] [are|is|look|looks|turned|went|] [yellow|yellowish]",
        "jaundice", "jaundiced"),
    "persistent_vomiting": _s(CALL_DOCTOR_NOW, "vomiting that will not stop",
        "[can't|cant|cannot] keep anything down", "[can't|cant|cannot] stop [vomiting|throwing up|being sick|puking]",
        "keeping nothing down", "vomiting nonstop", "non stop vomiting", "throwing up nonstop",
        "keep throwing up", "keep vomiting", "vomiting all night", "throwing up all night",
        "won't stop [vomiting|throwing up]", "[vomiting|throwing up] won't stop"),
    "dizziness": _s(CALL_DOCTOR_NOW, "dizziness",
        "dizzy", "dizziness", "light headed", "lightheaded", "light-headed", "feel faint",
        "feeling faint", "room is spinning", "woozy", "vertigo", "unsteady"),
    "palpitations": _s(CALL_DOCTOR_NOW, "a racing or pounding heart",
        f"{_MY} heart [is|keeps|'s|] [racing|pounding|fluttering|skipping|beating fast|beating really fast|going crazy]",
        "racing heart", "heart racing", "palpitations", "pounding heart", "heart pounding", "fast heartbeat",
        "fast heart beat", "heart is beating fast", "irregular heartbeat"),
    # --- Emergency: life-threatening, call the emergency number
    "throat_or_face_swelling": _s(EMERGENCY, "swelling of the throat, tongue, lips or face",
        f"{_MY} [throat|tongue|lips|lip|face|mouth|eyes|eyelids] [is|are|feels|feel|looks|look|went|got|getting|] {_VERY} [swollen|swelling|puffy|puffed up|thick|tight|closing]",
        "[swollen|swelling|puffy] [throat|tongue|lips|lip|face|mouth]", "swelling [of|in] [my|the] [throat|tongue|lips|face|mouth]",
        "throat [is|feels|] closing", "throat closing up", "throat is closing up", "hard to swallow",
        "[can't|cant|cannot] swallow", "trouble swallowing", "difficulty swallowing", "anaphylaxis",
        "anaphylactic"),
    "severe_breathing_difficulty": _s(EMERGENCY, "severe difficulty breathing",
        "[can't|cant|cannot|can not|unable to|not able to] breathe", "[can't|cant|cannot] breath",
        "gasping", "gasping for air", "gasping for breath", "choking", "suffocating", "struggling to breathe",
        "fighting for breath", "can barely breathe", "barely breathing", "not breathing", "stopped breathing",
        "severe shortness of breath", "very short of breath"),
    "blue_lips": _s(EMERGENCY, "blue or grey lips",
        "[blue|bluish|grey|gray|purple] [lips|lip|face|fingertips|fingers|skin]",
        f"{_MY} [lips|lip|face|fingers] [are|is|look|looks|turned|went|turning|going] [blue|bluish|grey|gray|purple]"),
    "fainting": _s(EMERGENCY, "fainting or not responding",
        "fainted", "fainting", "passed out", "passing out", "blacked out", "black out", "blacking out",
        "collapsed", "collapse", "lost consciousness", "unconscious", "not responding", "unresponsive",
        "won't wake up", "can't wake [him|her|them|me|]",
        "[won't|wont|will not|doesn't|does not|didn't|did not|isn't|is not|not] [answer|answering|respond|responding|reply|replying] [to|] [me|us|him|her|them|anyone|anybody]", "cant wake [him|her|them|me|]", "keeled over"),
    "seizure": _s(EMERGENCY, "a seizure",
        "seizure", "seizures", "seizing", "having a fit", "had a fit", "convulsion", "convulsions", "convulsing",
        "shaking uncontrollably", "jerking uncontrollably"),
    "stroke_signs": _s(EMERGENCY, "weakness on one side, a drooping face or slurred speech",
        "face [is|] drooping", "drooping face", "face droop", "droopy face", "one side of my face",
        "slurred speech", "slurring", "speech is slurred", "words are slurred", "[can't|cant|cannot] speak",
        "[can't|cant|cannot] talk properly", "weakness on one side", "one side [is|feels|] weak",
        "one sided weakness", "one arm is weak", "numb on one side",
        "[can't|cant|cannot] [move|lift|raise|feel] my [left|right|] [arm|leg|hand]",
        "[left|right] [arm|leg|side] [and|] [arm|leg|] [is|are|feels|feel|] [weak|numb|heavy|dead]",
        "[words|speech] [are|is|] [coming out|come out] [wrong|funny|weird|jumbled]",
        "[hand|fingers|arm] [won't|wont|can't|cant|cannot|will not] [grip|hold|grab|work]",
        "stroke"),
    "crushing_chest_pain": _s(EMERGENCY, "crushing chest pain",
        "crushing chest pain", "crushing pain", "crushing", "severe chest pain", "chest pain spreading",
        "pain [is|'s|] [going|spreading|radiating|shooting] [down|to|into|up] my [left|] [arm|jaw|neck]", "elephant [on|sitting on|standing on] my chest",
        "heart attack", "chest is crushing", "squeezing chest pain"),
    "confusion": _s(EMERGENCY, "confusion",
        "confused", "confusion", "disoriented", "disorientated", "not making sense", "muddled", "mixed up",
        "befuddled", "talking nonsense", "talking gibberish", "does not know who i am", "doesn't know where",
        "don't know where i am", "can't think straight", "cant think straight", "delirious"),
    "worst_headache": _s(EMERGENCY, "the worst headache of your life",
        "worst headache", "worst head ache", "worst headache of my life", "worst headache ever",
        "worst pain of my life", "worst pain ever", "thunderclap headache", "thunderclap",
        "headache came on suddenly", "sudden severe headache", "head is exploding", "head exploding",
        "sudden headache", "headache out of nowhere", "hit with a bat", "hit by a bat"),
}

# Signs people describe in many word orders: a body word and a describing word close together in
# one clause ("my face and neck are swelling", "brownish pee", "cheeks burning red").
# A negation anywhere between them or just before ("my lips aren't blue") denies the sign.
PAIRED_SIGNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # symptom id:            (body words,                        describing words)
    "throat_or_face_swelling": (("face", "lips", "lip", "tongue", "throat", "mouth", "eyelids"),
                                ("swollen", "swelling", "swell", "swells", "swelled", "puffy", "puffing", "puffed",
                                 "bigger", "thick", "thicker", "closing", "tight", "tighter", "ballooning",
                                 "ballooned", "balloon", "huge", "enormous", "massive", "blown", "fat")),
    "blue_lips": (("lips", "lip", "face", "fingers", "fingertips", "mouth", "skin"),
                  ("blue", "bluish", "blueish", "grey", "gray", "greyish", "purple", "purplish")),
    "stroke_signs": (("face", "arm", "leg", "side", "words", "speech", "smile", "mouth", "hand"),
                     ("droopy", "drooping", "droops", "droop", "slurred", "slurring", "lopsided", "crooked",
                      "paralysed", "paralyzed", "dead", "fallen", "sagging", "sagged", "dropped", "slumped")),
    "headache": (("head", "skull", "temples", "forehead"),
                 ("pain", "hurts", "hurting", "aches", "aching", "ache", "pounding", "throbbing", "sore",
                  "splitting", "exploding", "explosion", "bursting", "killing")),
    "crushing_chest_pain": (("chest",), ("crushed", "crushing", "squeezed", "squeezing", "squashed", "vice")),
    "confusion": (("name", "names", "birthday", "address", "where"),
                  ("forgot", "forgotten", "forgets", "remember", "tell", "know")),
    "neck_stiffness": (("neck",), ("stiff", "rigid", "locked", "hurts", "sore", "aches", "aching", "pain")),
    "dark_urine": (("pee", "urine", "wee", "piss"),
                   ("dark", "darker", "brown", "brownish", "red", "reddish", "cola", "bloody", "pink", "tea")),
    "jaundice": (("eyes", "skin", "whites"), ("yellow", "yellowish", "yellowy")),
    "swollen_painful_limb": (("calf", "calves", "leg", "legs", "thigh", "ankle"),
                             ("swollen", "swelling", "puffy", "hot", "throbbing")),
    "joint_pain": (("knees", "knee", "elbows", "elbow", "joints", "joint", "wrists", "wrist", "hips", "shoulders"),
                   ("ache", "aches", "aching", "hurt", "hurts", "sore", "pain", "painful", "stiff", "achy")),
    "infusion_site_irritation": (("iv", "needle", "drip", "cannula", "line", "injection", "puncture", "port"),
                                 ("sore", "red", "redness", "pink", "bruise", "bruised", "bruising", "swollen", "swelling",
                                  "puffy", "itchy", "itching", "tender", "painful", "irritated", "bump", "lump",
                                  "hurts", "stings", "stinging", "burning")),
    "flushing": (("face", "cheeks", "cheek", "ears"), ("red", "hot", "burning", "warm", "flushed", "pink", "flushing")),
    "fever": (("feel", "feeling", "felt", "feels", "i'm", "am", "running"), ("hot", "warm", "feverish", "boiling")),
}

# Words of a complaint the lexicon may not know ("my toe itches", "a nosebleed"). A message with one of
# these and no known symptom is an unknown symptom: one clarifying question, then "call your doctor".
# The strong ones count even beside known symptoms ("headache and a nosebleed").
COMPLAINT_WORDS = ("hurt", "hurts", "hurting", "pain", "painful", "ache", "aches", "aching", "achy", "sore", "itch",
                   "itches", "itchy", "itching", "swollen", "swelling", "numb", "tingling", "sick", "unwell",
                   "weird", "strange", "burning", "stinging", "throbbing", "cramps", "cramping", "weak")
STRONG_COMPLAINT_WORDS = ("drowsy", "drowsiness", "bleeding", "bleed", "blood", "nosebleed", "cough", "coughing", "coughs", "diarrhea",
                          "diarrhoea", "blurry", "blurred", "vision", "taste", "ringing", "numbness", "tingling",
                          "hallucinating", "palpitating", "bruises", "bruising")

# Complaints of more than one word that the lexicon has no symptom for: strong, like the words above.
STRONG_COMPLAINT_PHRASES = ("the runs", "the trots", "the squits", "loose stools", "loose stool", "loose bowels",
                            "runny poo", "watery poo", "upset bowels", "dodgy bowels", "bowels are loose",
                            "keep going to the loo", "keep going to the toilet", "back and forth to the loo",
                            "back and forth to the toilet", "nose bleed", "coughing up", "pins and needles",
                            "ringing in my ears", "ears ringing", "blurred vision", "double vision",
                            "seeing double", "spots in my vision", "can not see properly", "lost my voice",
                            "sore throat", "chest infection", "water infection", "burning when i pee",
                            "stings when i pee", "hurts to pee", "nodding off", "drifting off", "dozing off",
                            "can not stay awake", "keep falling asleep", "falling asleep mid")

# Vague complaints of more than one word: an unknown symptom when nothing known is reported beside them.
COMPLAINT_PHRASES = ("feel off", "feel a bit off", "feeling off", "feeling a bit off", "feel funny", "feeling funny",
                     "not feeling right", "not right in myself", "feel strange", "feel weird", "feel not right")

# Words that make a symptom worse: a severe rash becomes `severe_rash`, and so on (via `worse_as`).
SEVERITY_WORDS = (
    "severe", "severely", "terrible", "terribly", "horrible", "horrid", "awful", "excruciating",
    "unbearable", "intense", "extreme", "extremely bad", "really bad", "very bad", "so bad", "super bad",
    "horrendous", "dreadful", "brutal", "ferocious", "savage", "intolerable", "debilitating", "insane",
    "can not even open my eyes", "can not even", "like an explosion",
    "worst", "killing me", "splitting", "agonizing", "agonising", "crippling", "massive",
)
# Words that make a symptom "the worst ever" (with "worst" itself): an emergency for a headache.
WORST_WORDS = ("worst", "never had anything like", "never felt anything like", "never had one like",
               "never had a headache like", "never had pain like", "never been this bad", "like nothing before",
               "like never before", "never experienced anything like")
# Sudden onset: a headache that comes "out of nowhere" is treated as the worst headache (thunderclap).
SUDDEN_WORDS = ("sudden", "suddenly", "out of nowhere", "all of a sudden", "thunderclap", "came on fast")
TREND_WORDS = (
    "worse", "worsening", "getting worse", "spreading", "spread", "spreads", "all over", "everywhere",
    "growing", "getting bigger", "bigger", "increasing", "will not stop", "does not stop", "nonstop", "non stop",
)

# A more serious form implies its general symptom: a severe headache is a headache.
GENERAL_FORM: dict[str, str] = {
    serious: general for general, s in SYMPTOMS.items() for serious in (s.worse_as, s.worst_as) if serious
}

def version() -> str:
    """A short fingerprint of everything above, recorded with each disposition for audit."""
    from bot import body_systems, context_rules  # the other rule tables the language layer reads
    content = (SYMPTOMS, PAIRED_SIGNS, COMPLAINT_WORDS, STRONG_COMPLAINT_WORDS, SUDDEN_WORDS, TREND_WORDS,
               SEVERITY_WORDS, WORST_WORDS, STRONG_COMPLAINT_PHRASES, COMPLAINT_PHRASES, body_systems.BODY_SYSTEMS,
               body_systems.SPREAD_WORDS, body_systems.NOT_SKIN, body_systems.BODY_PARTS, context_rules.VERSION,
               context_rules.RULES, context_rules.EXPERIENCER_WORDS, context_rules.OTHER_IS_PATIENT,
               context_rules.OTHER_IS_NOT_PATIENT)
    return hashlib.sha256(repr(content).encode()).hexdigest()[:12]
