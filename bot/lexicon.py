"""Symptom lexicon: what a patient may say, and what each symptom alone means.

Read it as a clinician: one line per symptom, its level when reported alone, and the lay
phrases that name it. `[a|b]` means "a or b"; `[a|]` means "a, or nothing".
Combinations (headache + stiff neck, fever + a measured temperature) live in `triage.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot import vitals

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

# A person's family, in the words patients use: whom a confused person may be taken for, seek or forget the
# name of (here and in body_systems.py).
RELATIVES = (
    "mother", "mum", "mom", "mam", "mummy", "father", "dad", "daddy", "parents", "brother", "sister",
    "husband", "wife", "partner", "son", "daughter", "children", "kids", "grandchildren", "grandkids",
    "grandson", "granddaughter", "aunt", "auntie", "uncle", "gran", "granny", "grandma", "grandmother",
    "nan", "nana", "nanna", "grandad", "granddad", "grandpa", "grandfather", "cousin", "niece", "nephew",
    "boyfriend", "girlfriend",
)  # fmt: skip
# People one may be taken for by someone confused ("he thinks I'm the postman"; "he thinks I'm the best" is praise).
_TAKEN_FOR = "|".join(
    (
        "postman", "postwoman", "postie", "milkman", "mailman", "plumber", "builder", "burglar", "intruder",
        "stranger", "doctor", "nurse", "carer", "priest", "vicar", "landlord", "neighbour", "neighbor",
        *RELATIVES,
    )
)  # fmt: skip


SYMPTOMS: dict[str, Symptom] = {
    # --- Mild, manage at home (the article's common side effects, and what a nurse calls mild)
    "infusion_site_irritation": _s(
        MANAGE_AT_HOME,
        "irritation where the drip went in",
        f"[redness|red|sore|soreness|swelling|swollen|bruise|bruising|bruised|itchy|itching|pain|painful|tender|irritation|irritated|a bump|lump] [at|around|where|near] {_MY} [iv|needle|drip|cannula|infusion|injection|line] [site|spot|went in|was|]",
        f"{_MY} [iv|needle|drip|cannula|infusion|injection] [site|spot|arm] [is|feels|looks|got|] {_VERY} [red|sore|swollen|bruised|itchy|tender|irritated|painful]",
        "[arm|hand] [is|feels|] [sore|bruised|red] where [the|my] [needle|iv|drip] [was|went in]",
    ),
    "headache": _s(
        MANAGE_AT_HOME,
        "a headache",
        "headache",
        "headaches",
        "head ache",
        "head hurts",
        "head is hurting",
        "head is pounding",
        "head pounding",
        "my head is killing me",
        "migraine",
        "head is throbbing",
        "sore head",
        "a head on [me|him|her|them]",  # Irish and Scots: "I've a head on me"
        "pain in my head",
        worse_as="severe_headache",
        worst_as="worst_headache",
    ),
    "flushing": _s(
        MANAGE_AT_HOME,
        "flushing",
        "flushing",
        "flushed",
        "flush",
        f"{_MY} face [is|feels|looks|went|] {_VERY} [red|hot|warm]",
        "red face",
        "[cheeks|face] [are|is|have gone|has gone|gone|look|looks|went|] [rosy|pink|glowing|red]",
        "hot flushes",
        "hot flashes",
        "face feels hot",
    ),
    "fever": _s(
        MANAGE_AT_HOME,
        "a fever",
        "fever",
        "feverish",
        "fevers",
        "[have|has|having|had|got|gets|getting|running|runs|ran|with|developed|spiked] a [slight|little|small|low|mild|] [temperature|temp]",
        "a bit of a [temperature|temp]",
        "[slight|low|mild|small] [temperature|temp]",
        "running hot",
        "low grade fever",
        "low-grade fever",
        "feel hot",
        "feeling hot",
        "sweats",
        "sweating",
        "sweaty",
        "hot and [shivery|cold|sweaty|clammy]",
        "hot then cold",
    ),
    "chills": _s(
        MANAGE_AT_HOME,
        "chills",
        "chills",
        "chilly",
        "shivering",
        "shivers",
        "shivery",
        "shivered",
        "shaking with cold",
        "cold [inside|on the inside|in my bones|to the bone|to my bones]",
        "feel cold",
        "feeling cold",
        "freezing",
        "cold sweats",
        "rigors",
        "goosebumps",
        "gooseflesh",
        "[goose bumps|goose pimples]",
        "[can't|cant|cannot|can not] [get|keep] warm",
        "[i am|i'm|im|he is|he's|she is|she's|they are|they're] [so|very|really|that|a bit|] cold",
    ),
    "nausea": _s(
        MANAGE_AT_HOME,
        "nausea",
        "nausea",
        "nauseous",
        "nauseated",
        "queasy",
        "sick to my stomach",
        f"[feel|feels|feeling|felt] {_VERY} sick",
        f"[make|makes|making] me [feel|] {_VERY} sick",  # "the smells make me a bit sick" ("made me sick" may be vomit)
        "upset stomach",
        "sick feeling",
        "like i'm going to throw up",
        "like i might throw up",
        "like i am going to be sick",
        "want to throw up",
        # the sickness of travel: "like mild car sickness", "seasick"
        "[car|travel|sea|motion|boat|air] [sick|sickness]",
        "[carsick|seasick|travelsick|airsick]",
    ),
    "muscle_aches": _s(
        MANAGE_AT_HOME,
        "muscle aches",
        "muscle aches",
        "[general|generalised|generalized|all over] [aching|aches|achiness]",
        "[aching|achy|sore] [in general|generally|all over]",
        "muscle ache",
        "muscle pain",
        "muscles ache",
        "muscles are sore",
        "sore muscles",
        "muscles hurt",
        "aching muscles",
        "achy muscles",
        "body aches",
        "body ache",
        "aching all over",
        "achy",
        "aches",
        # sore as after exercise: "body like after gym", "as if I'd run a marathon"
        "[like|as if|as though] [after|i did|i had done|i ran|i had run|i went to|i have been to|i had been to] [the|a|] [gym|workout|work out|marathon|run|training|session at the gym]",
    ),
    "joint_pain": _s(
        MANAGE_AT_HOME,
        "joint pain",
        "joint pain",
        "joints hurt",
        "joints ache",
        "sore joints",
        "achy joints",
        "aching joints",
    ),
    "tiredness": _s(
        MANAGE_AT_HOME,
        "tiredness",
        "tired",
        "tiredness",
        "exhausted",
        "exhaustion",
        "fatigue",
        "fatigued",
        "worn out",
        "[no|zero|nil] energy",
        "wiped out",
        "[pretty|totally|completely|absolutely|so|really|feeling|feel|felt|am|is|'s] wiped",
        "drained",
        "sleepy",
        "lethargic",
        "run down",
        "rundown",
        "knackered",
        "shattered",
        "pooped",
        "beat",
        "zonked",
        "no energy at all",
        "[feel|feels|feeling|felt|i'm|im|i am|he's|she's|he is|she is] [a bit|a little|bit|very|really|so|quite|] flat",
        "[lacking|low on|low in|short of] energy",
    ),
    "flu_like_symptoms": _s(
        MANAGE_AT_HOME,
        "a flu-like feeling",
        "flu like",
        "flu-like",
        "like the flu",
        "like a [mild|bad|touch of|bit of a|] flu",
        "feel crook",
        "feeling crook",
        "like i have the flu",
        "like flu",
        "[like|down] with [the|a|] flu",  # "I feel like with flu"; "my son is off with flu" is not the patient's
        "fluey",
        "flu symptoms",
        "coming down with something",
        "under the weather",
        "achy and shivery",
        "feel rough",
        "feel crummy",
        "feel lousy",
        "feel awful",
        "feel terrible",
        "feel unwell",
        "feel ill",
        "not feeling well",
        "not feeling great",
        "flu-y",
        "fluy",
        "flu ish",
        "flu-ish",
        "feel blah",
        "feeling blah",
    ),
    "rash": _s(
        MANAGE_AT_HOME,
        "a rash",
        "rash",
        "rashes",
        "hives",
        "bumpy rash",
        "itchy bumps",
        "red bumps",
        "welts",
        "blotches",
        "blotch",
        "blotchy skin",
        "itchy skin",
        "skin is itchy",
        "skin itching",
        "spots on my skin",
        "red spots",
        "itchy",
        worse_as="severe_rash",
    ),
    # --- Call your doctor now (the article's red flags, and signs a nurse never sends home)
    "breathing_difficulty": _s(
        CALL_DOCTOR_NOW,
        "difficulty breathing",
        "short of breath",
        "[get|gets|getting|got|am|is|feel|feels|feeling|so|really|very] [puffed|puffed out|winded|out of puff]",
        "shortness of breath",
        "out of breath",
        "breathless",
        "winded",
        "wheezing",
        "wheezy",
        "wheeze",
        "[hard|difficult|tough|harder|trouble|difficulty|struggle|struggling] [to|] [breathe|breath|breathing]",
        "[cant|can't|cannot|can not] catch [my|a|his|her|their] breath",
        "trouble with [my|] breathing",
        "problems breathing",
        "breathing problems",
        "breathing is [hard|difficult|laboured|labored|heavy|off]",
        "breathing difficulties",
        "breathing difficulty",
        "shallow breathing",
        "tight breathing",
        "struggle for breath",
        "not getting enough air",
        "feel like i can't get enough air",
        "puffing",
        "panting",
        # the verb said of a person ("I puff going to the bathroom"), not of a swelling ("my lips puff up")
        "[i|he|she|we|they] [puff|puffs|pant|pants] [going|when|walking|climbing|doing|getting|after|on|just|more|a lot|badly|like|if|at]",
        "puffed out",
        "huffing and puffing",
        "can't get enough air",
        "short of air",
        "air hunger",
        # stopping for air, getting one's breath back: "I have to stop for air", "stop to catch my breath"
        "[stop|stops|stopped|stopping|pause|pauses|paused|pausing] [for|to get|to catch|to take|to get back] [air|breath|a breath|my breath|his breath|her breath|their breath|some air]",
        "[get|gets|getting|got|catch|catching|caught] [my|his|her|their|a|] breath back",
        worse_as="severe_breathing_difficulty",
    ),
    "chest_tightness": _s(
        CALL_DOCTOR_NOW,
        "chest tightness",
        f"{_MY} chest [is|feels|feel|felt|got|getting|] {_VERY} [tight|tightness|heavy|pressure|sore]",
        "tight chest",
        "tightness in [my|the] chest",
        "chest tightness",
        "pressure in [my|the] chest",
        "chest pressure",
        "chest pain",
        "chest hurts",
        "pain in [my|the] chest",
        "heavy chest",
        "chest discomfort",
        worse_as="crushing_chest_pain",
    ),
    "vomiting": _s(
        CALL_DOCTOR_NOW,
        "vomiting",
        "vomiting",
        "vomited",
        "vomit",
        "vomits",
        "throwing up",
        "threw up",
        "thrown up",
        "throw up",
        "puking",
        "puked",
        "puke",
        "being sick",
        "been sick",
        "was sick",
        "got sick",
        "sick twice",
        "heaving",
        "retching",
        "barfed",
        "barfing",
        "chucking up",
        "chucked up",
        "hurled",
        "hurling",
        "hurl",
        "spewed",
        "spewing",
        "spew",
        "chundered",
        "chundering",
        "upchucked",
        "brought it back up",
        worse_as="persistent_vomiting",
    ),
    "high_fever": _s(
        CALL_DOCTOR_NOW,
        "a high fever",
        "high fever",
        "high temperature",
        "high temp",
        "very high fever",
        "burning up",
        "raging fever",
        "really high fever",
        "fever is high",
        "temperature is high",
        "temp is high",
        "spiking a fever",
        "fever spiking",
    ),
    "severe_rash": _s(
        CALL_DOCTOR_NOW,
        "a severe or spreading rash",
        "rash [is|has|] [spreading|spread|getting worse|worse|worsening|everywhere|all over]",
        "rash all over",
        "spreading rash",
        "worsening rash",
        "severe rash",
        "hives all over",
        "hives [are|is|] spreading",
        "hives everywhere",
        "blistering rash",
        "skin peeling",
        "blisters",
    ),
    "neck_stiffness": _s(
        CALL_DOCTOR_NOW,
        "a stiff neck",
        "stiff neck",
        f"{_MY} neck [is|feels|feel|got|'s|] {_VERY} stiff",
        "neck stiffness",
        "[can't|cant|cannot|can not] [bend|move|turn] [my|his|her|their|your] neck",
        # the neck that will not bend, said of anyone: "he can't touch his chin to his chest"
        "[can't|cant|cannot|can not] [put|touch|bring|get|tuck] [my|his|her|their|your] chin [to|on|onto|against|down to|down on] [my|his|her|their|your] chest",
        "neck is [rigid|locked]",
        "sore stiff neck",
        "neck pain",
        "neck hurts",
        "neck ache",
    ),
    "severe_headache": _s(
        CALL_DOCTOR_NOW,
        "a severe headache",
        "severe headache",
        "severe head ache",
        "splitting headache",
        "excruciating headache",
        "unbearable headache",
        "pounding headache",
        "terrible headache",
        "horrible headache",
        "awful headache",
        "really bad headache",
        "very bad headache",
        "bad headache",
        "massive headache",
        "intense headache",
        "blinding headache",
        worst_as="worst_headache",  # "a sudden splitting headache": the worst headache all the same
    ),
    "swollen_painful_limb": _s(
        CALL_DOCTOR_NOW,
        "a painful swollen leg or arm",
        "[swollen|painful|sore|tender] calf",
        "swollen [leg|arm] [and|] [painful|sore|red|warm|hot|]",
        "[painful|sore|tender] [leg|arm] [and|that is|which is|] [swollen|red and swollen|hot and swollen]",
        f"{_MY} [calf|leg|arm] [is|feels|] {_VERY} [swollen|painful|sore|hot|warm] and [swollen|painful|sore|hot|red|warm]",
        f"{_MY} [calf|leg] [is|feels|] {_VERY} swollen",
        "pain in my calf",
        "calf pain",
        "calf is swollen",
    ),
    "dark_urine": _s(
        CALL_DOCTOR_NOW,
        "dark, red or brown urine",
        "[dark|red|brown|cola|tea|bloody|pink] [coloured|colored|] [urine|pee|wee]",
        f"{_MY} [urine|pee|wee] [is|looks|was|] {_VERY} [dark|red|brown|bloody|pink]",
        "blood in my [urine|pee]",
    ),
    "little_or_no_urine": _s(
        CALL_DOCTOR_NOW,
        "little or no urine",
        "[haven't|havent|have not|not] [peed|urinated|wee'd] [all day|since|in hours|]",
        # the act itself denied: "haven't needed a wee all day", "not had a pee since lunch", "no wee since"
        "[haven't|havent|have not|hasn't|hasnt|has not|not|never] [needed|had|been for|done|passed|gone for] [a|any|] [wee|pee|piss|wee-wee|wee wee]",
        "no [wee|pee|urine|wees|pees] [since|all day|today|for hours|in hours|overnight]",
        "[can't|cant|cannot] pee",
        "[can't|cant|cannot] urinate",
        "barely peeing",
        "hardly peeing",
        "not peeing",
        "no urine",
        "little urine",
        "not passing urine",
        "not passing water",
    ),
    "jaundice": _s(
        CALL_DOCTOR_NOW,
        "yellow eyes or skin",
        "[yellow|yellowish] [eyes|skin]",
        f"{_MY} [eyes|skin] [are|is|look|looks|turned|went|] [yellow|yellowish]",
        "jaundice",
        "jaundiced",
    ),
    "persistent_vomiting": _s(
        CALL_DOCTOR_NOW,
        "vomiting that will not stop",
        "[can't|cant|cannot] keep anything down",
        "[can't|cant|cannot] stop [vomiting|throwing up|being sick|puking]",
        "keeping nothing down",
        "vomiting nonstop",
        "non stop vomiting",
        "throwing up nonstop",
        "keep throwing up",
        "keep vomiting",
        "vomiting all night",
        "throwing up all night",
        "won't stop [vomiting|throwing up]",
        "[vomiting|throwing up] won't stop",
    ),
    "dizziness": _s(
        CALL_DOCTOR_NOW,
        "dizziness",
        "dizzy",
        "dizziness",
        "light headed",
        "lightheaded",
        "light-headed",
        f"[feel|feels|feeling|felt] {_VERY} faint",
        "feeling faint",
        "room is spinning",
        "woozy",
        "vertigo",
        "unsteady",
        "[feel|feels|felt|feeling] like [i am|he is|she is|they are|i was|i will|i could|i might|he might|she might|he could|she could|] [going to|gonna|about to|] [pass out|faint|black out|keel over|collapse]",
        "[nearly|almost] [passed out|fainted|blacked out|collapsed]",
        # about to faint, not fainted: "like im about to pass out but i havent", "i might pass out"
        "[like|as if|as though|] [i am|im|i'm|he is|he's|she is|she's|i|he|she|they|] [going to|gonna|about to|might|could|will|would|near to|close to] [pass out|faint|black out|keel over|collapse]",
        "spinny",
        "giddy",
        "giddiness",
        "[room|everything|world|head] [is|keeps|'s|] [spinning|spins|swimming|whirling|going round]",
        # a vague turn, a near faint in other words ("just had a weird moment in the bathroom", "a funny turn"): the
        # fainting question follows
        "[had|having|just had|took|taken|take] a [funny|weird|strange|odd|queer|scary|dizzy] [turn|spell|episode]",
        "[had|having|just had] a [weird|strange|odd|scary] moment",
        # the place one is in turning round ("the whole kitchen went round like a fairground ride")
        "[room|kitchen|bedroom|bathroom|lounge|everything|world|ceiling|walls|house|floor] [went|goes|go|is going|was going|started going|kept going] [round|around]",
    ),
    "light_sensitivity": _s(
        CALL_DOCTOR_NOW,
        "light hurting the eyes",
        "photophobia",
        "[sensitive|sensitivity] to [light|the light|bright light|bright lights]",
        "light sensitivity",
        "light sensitive",
    ),
    "palpitations": _s(
        CALL_DOCTOR_NOW,
        "a racing or pounding heart",
        f"{_MY} heart [is|keeps|'s|] [racing|pounding|fluttering|skipping|beating fast|beating really fast|going crazy]",
        "racing heart",
        "heart racing",
        "palpitations",
        "pounding heart",
        "heart pounding",
        "fast heartbeat",
        "fast heart beat",
        "heart is beating fast",
        "irregular heartbeat",
    ),
    # Numbers from a home device (bot/vitals.py reads them and holds the marks)
    "lowish_oxygen": _s(
        CALL_DOCTOR_NOW,
        f"an oxygen level of {vitals.OXYGEN_EMERGENCY_BELOW}-{vitals.OXYGEN_CALL_BELOW - 1} %",
        "[oxygen|sats|saturation|saturations|o2] [is|are|level is|levels are|] [low|lowish|down|dropping|a bit low]",
        "low [oxygen|sats|saturation|o2]",
    ),
    "fast_heart_rate": _s(
        CALL_DOCTOR_NOW,
        f"a heart rate of {vitals.HEART_RATE_CALL_FROM} or more",
        "[pulse|heart rate] [is|'s|] [high|very high|really high|too high|sky high]",
    ),
    "high_blood_pressure": _s(
        CALL_DOCTOR_NOW,
        f"a blood pressure of {vitals.SYSTOLIC_CALL_FROM}/{vitals.DIASTOLIC_CALL_FROM} or more",
        "[blood pressure|bp] [is|'s|] [high|very high|really high|sky high|through the roof]",
        "high blood pressure reading",
    ),
    "low_blood_pressure": _s(
        CALL_DOCTOR_NOW,
        f"a blood pressure with a top number under {vitals.SYSTOLIC_CALL_BELOW}",
        "[blood pressure|bp] [is|'s|has|] [dropped|very low|really low|too low]",
    ),
    # Not on the mild list, and how a heart attack is often first told ("just a bit of indigestion"): the chest
    # question follows (bot/dialogue.py).
    "indigestion": _s(
        CALL_DOCTOR_NOW,
        "indigestion or heartburn",
        "indigestion",
        "heartburn",
        "heart burn",
        "acid reflux",
        "reflux",
        "acidity",
        "dyspepsia",
    ),
    "clammy_skin": _s(
        CALL_DOCTOR_NOW,
        "cold, clammy or grey skin",
        "clammy",
        "cold sweat",
        "cold sweats",
        "cold and sweaty",
        "[grey|gray|pale|ashen] and [sweaty|clammy|sweating|pouring sweat|dripping sweat|drenched in sweat|dripping with sweat]",
        "[gone|turned|turning|going|went|is|looks|look] a [grey|gray|ashen|greyish|grayish] [colour|color]",
        "[sweaty|clammy|sweating] and [grey|gray|pale|ashen]",
        "[gone|turned|turning|looks|look|looking|went|going] [grey|gray|ashen]",
        "ashen",
    ),
    # --- Emergency: life-threatening, call the emergency number
    "throat_or_face_swelling": _s(
        EMERGENCY,
        "swelling of the throat, tongue, lips or face",
        f"{_MY} [throat|tongue|lips|lip|face|mouth|eyes|eyelids] [is|are|feels|feel|looks|look|went|got|getting|] {_VERY} [swollen|swelling|puffy|puffed up|thick|tight|closing]",
        "[swollen|swelling|puffy] [throat|tongue|lips|lip|face|mouth]",
        # told by size ("big face", "my mouth fat like bee sting", "her face has become big")
        "[big|fat|massive|huge|swole] [face|lips|lip|tongue]",
        "[face|lips|lip|tongue|eyes|eyelids] [is|are|has|have|gone|went|become|is become|has become|feels|feel|looks|look|] [become|gone|got|] [fat|big|massive|huge|enormous]",
        "swelling [of|in] [my|the] [throat|tongue|lips|face|mouth]",
        "throat [is|feels|] closing",
        "throat closing up",
        "throat is closing up",
        "hard to swallow",
        "[can't|cant|cannot] swallow",
        "trouble swallowing",
        "difficulty swallowing",
        "anaphylaxis",
        "anaphylactic",
    ),
    "low_oxygen": _s(
        EMERGENCY,
        f"an oxygen level below {vitals.OXYGEN_EMERGENCY_BELOW} %",
        "[oxygen|sats|saturation|saturations|o2] [is|are|has|have|keeps|keep|] [very low|really low|dangerously low|plummeting|crashing|in the 80s]",
    ),
    "severe_breathing_difficulty": _s(
        EMERGENCY,
        "severe difficulty breathing",
        "[can't|cant|cannot|can not|is not able to|isn't able to] [breathe|breath]",
        "[can't|cant|cannot] breath",
        "gasping",
        "[gasp|gasps|gasped] [for air|for breath|again|between words|after every word|after every breath]",
        "have to gasp",
        "gasping for air",
        "gasping for breath",
        "choking",
        "suffocating",
        "struggling to breathe",
        "fighting for breath",
        "can barely breathe",
        "barely breathing",
        "not breathing",
        "stopped breathing",
        "severe shortness of breath",
        "very short of breath",
        # too breathless to talk: a nurse's sign of severe breathlessness
        # with or without its article, as learners of English write it ("she cannot talk full sentence")
        "[can't|cant|cannot|can not|struggling to|barely] [finish|complete|get through|get to the end of|say|speak|talk|get out|manage|string together] [a|my|his|her|their|one|the|a whole|a full|one whole|one full|full|whole|complete|in full|in a full|in whole|in a whole|in complete|] [sentence|sentences]",
        # no breath at all: "can't catch my breath at all", "not able to get a breath at all"
        "[can't|cant|cannot|can not] [catch|get|take|draw] [my|a|his|her|their|any|] [breath|air] at all",
        # any striving for air: "heaving for air", "panting for breath", "typing this between breaths"
        "[heaving|panting|puffing|straining] for [air|breath|breaths|a breath]",
        "between [breaths|gasps]",
        "[only|just] [get|say|manage|getting|saying] [one|two|three|a few|few|a couple of|1|2|3] words",
        "[can't|cant|cannot|can not] get [any|] air [in|into my lungs|at all]",
        "[struggling|fighting|gasping|working hard] for [every|each] [single|] breath",
        "[one|two|three|a few|1|2|3] words at a time",
        "too [breathless|puffed|winded|out of breath|short of breath] to [talk|speak]",
        "[can't|cant|cannot|can not] [talk|speak] [for|because of|through] [breath|breathing|gasping|the breathlessness]",
        "[like|as if|as though] [i'm|i am|he's|he is|she's|she is|they're|they are|] drowning",
        "drowning",  # said alone, of the air ("cant. get air" - "drowning"); "drowning in paperwork" is an idiom
        "smothering",
        # a child's signs of working to breathe: the skin pulled in at the ribs or neck, nostrils flaring, a grunt
        "[skin|chest|ribs|tummy|belly|neck|throat] [is|are|keeps|keep|] [sucking|pulling|sinking|caving|drawing] in",
        "[sucking|pulling|sinking|caving|drawing] in [under|between|below|around|at] [his|her|their|the|my] [ribs|ribcage|neck|throat]",
        "[nostrils|nostril] [flaring|flare|flared|are flaring|keep flaring|flaring out]",
        "[flaring|flared] [his|her|their|my|] nostrils",
        "grunting [when|with|every time|each time|as|on] [he|she|they|] [breathes|breathe|breathing|each breath|every breath|breathes out|breathing out]",
    ),
    "blue_lips": _s(
        EMERGENCY,
        "blue or grey lips",
        "[blue|bluish|grey|gray|purple] [lips|lip|face|fingertips|fingers|skin]",
        f"{_MY} [lips|lip|face|fingers] [are|is|look|looks|turned|went|turning|going] [blue|bluish|grey|gray|purple]",
        "[turning|turned|gone|going|went|go] [blue|purple|bluish|purplish]",
        "[turned|gone|went|go|turning|going] [grey|gray|ashen|ashy] [and|,|.|!|in the face|all over|]",
    ),
    "fainting": _s(
        EMERGENCY,
        "fainting or not responding",
        "fainted",
        "fainting",
        "passed out",
        "passing out",
        "blacked out",
        "black out",
        "blacking out",
        "collapsed",
        "collapse",
        "collapsing",  # "he's after collapsing on the stairs" (Irish English: has just collapsed)
        "[pass|passes] out",
        "lost consciousness",
        "unconscious",
        "not responding",
        "unresponsive",
        "won't wake up",
        "can't wake [him|her|them|me|]",
        "[won't|wont|will not|doesn't|does not|didn't|did not|isn't|is not|not|no] [answer|answering|respond|responding|reply|replying] [to|] [me|us|him|her|them|anyone|anybody]",
        "[don|done] faint",  # Nigerian Pidgin: "has fainted"
        "cant wake [him|her|them|me|]",
        "[nobody|no one|noone] [can|could|is able to|was able to] [wake|rouse] [him|her|them|me]",
        "keeled over",
        # a faint told as a story, over by now or not: "slumped sideways and went out for a minute", "she's come round now"
        "[slumped|slumps|slumping|flopped|keeled|crumpled|sagged] [sideways|over|forward|forwards|to the floor|to the ground|down in|onto]",
        "[went|gone|goes|go|was|were|is|been] [out|spark out|out cold] for [a|about|around|like|a few|a couple of|half a|] [second|seconds|minute|minutes|moment|moments]",
        "[went|gone|goes|go] out like a light",
        "[has|have|'s|had|is|was|just|finally|slowly] [come|came|coming] [round|around|to] [now|again|quickly|straight away|fully|slowly|properly|after|but|and|.|,]",
        "[come|came|coming] [round|around|to] [again|after a|after about|after a few]",
        # legs gone from under the person: "my legs just went, and down I went"
        "[legs|knees] [just|] [went|gone|go|goes] [.|,|!|and|under me|from under me|out from under me|beneath me|from under him|from under her]",
        "[out cold|spark out|passed clean out]",
        "[is|'s|gone|went|seems|seem|looks|very|really|so|all|completely|totally] [floppy|limp]",
        "[won't|will not|wont|can't|cannot|can not|doesn't|does not|isn't|is not|not] [open|opening] [his|her|their|my|the] eyes",
        "[can't|cant|cannot|can not|couldn't|could not] [get|make] [him|her|them|me] to [wake|wake up|respond|answer|open his eyes|open her eyes|open their eyes|open my eyes]",
        # not coming back to: "hasn't come round", "she wasn't with us for two minutes"
        "[hasn't|has not|haven't|have not|hadn't|not|isn't|is not|won't|will not|didn't|did not|wasn't|was not] [come|came|coming] [round|around|to]",
        "[wasn't|was not|isn't|is not|weren't|not] with us",
    ),
    "seizure": _s(
        EMERGENCY,
        "a seizure",
        "seizure",
        "seizures",
        "seizing",
        "having a fit",
        "had a fit",
        "convulsion",
        "convulsions",
        "convulsing",
        "shaking uncontrollably",
        "jerking uncontrollably",
        "[foam|foaming|froth|frothing] at [the|his|her|their|di|da|] mouth",
        "[is|was|started|keeps|kept|been|are|were|began|start] fitting",
        # a person fitting, said without its verb: "son fitting now", "baby fitting again"
        "["
        + "|".join(RELATIVES + ("baby", "toddler", "child", "kid", "boy", "girl", "he", "she"))
        + "] [convulsing|seizing]",
        # ("fitting in at school" is not one)
        "[" + "|".join(RELATIVES + ("baby", "toddler", "child", "kid", "boy", "girl", "he", "she")) + "] fitting "
        "[now|again|.|!|,|?|and|non stop|nonstop|for|badly|right now|help|please|on the floor|in bed|in the car]",
        # said as a fragment of its own: "toddler. fitting. won't stop."
        "[.|!] fitting [.|!|and|again|now|non stop|nonstop]",
    ),
    "stroke_signs": _s(
        EMERGENCY,
        "weakness on one side, a drooping face or slurred speech",
        "face [is|] drooping",
        "drooping face",
        "face droop",
        "droopy face",
        "one side of my face",
        "slurred speech",
        "slurring",
        "speech is slurred",
        "words are slurred",
        "[can't|cant|cannot] speak",
        "[can't|cant|cannot] [talk|speak] [properly|proper|straight|clearly|normally|normal]",
        "weakness on one side",
        "one side [is|feels|] weak",
        "one sided weakness",
        "one arm is weak",
        "numb on one side",
        "[can't|cant|cannot] [move|lift|raise|feel] my [left|right|] [arm|leg|hand]",
        "[left|right] [arm|leg|side] [and|] [arm|leg|] [is|are|feels|feel|] [weak|numb|heavy|dead]",
        "[words|speech] [are|is|] [coming out|come out] [wrong|funny|weird|jumbled]",
        "[hand|fingers|arm] [won't|wont|can't|cant|cannot|will not] [grip|hold|grab|work]",
        "stroke",
    ),
    "crushing_chest_pain": _s(
        EMERGENCY,
        "crushing chest pain",
        "crushing chest pain",
        "crushing pain",
        "crushing",
        "severe chest pain",
        "chest pain spreading",
        "pain [is|'s|was|] [going|spreading|radiating|shooting|moving|travelling|traveling] [down|to|into|up|up into|down into|up to|through] [my|his|her|their|the] [left|] [arm|jaw|neck|shoulder]",
        "elephant [on|sitting on|standing on] my chest",
        "[an|] elephant [is|'s|] [sitting|standing|parked|lying|sat|stood] on [me|him|her|them|my chest|his chest|her chest]",
        "heart attack",
        "chest is crushing",
        "squeezing chest pain",
    ),
    "confusion": _s(
        EMERGENCY,
        "confusion",
        "confused",
        "confusion",
        "disoriented",
        "disorientated",
        "not making [any|much|] sense",
        "[doesn't|does not|no longer|not|didn't|did not|can't|cannot|can not] [recognise|recognize|recognises|recognizes|recognising|recognizing] [our|his|her|their|the|my|me|us|anyone|anybody|people|family]",
        "[doesn't|does not|don't|do not|didn't|did not] [know|recognise|recognize] [who|where] [we|i|you|they|he|she] [are|am|is|was|were]",
        "[can't|cant|cannot|can not|doesn't|does not|don't|do not] remember [who|where] [we|i|you|they|he|she] [are|am|is|was|were]",
        "[can't|cant|cannot|can not|doesn't|does not|don't|do not|couldn't|could not] remember [my|his|her|their] [own|daughter's|son's|wife's|husband's|mum's|mom's|dad's|partner's|children's|kids'|family's|grandchildren's] [name|names]",
        "muddled",
        "mixed up",
        "befuddled",
        # nonsense speech; disorientation in time ("thinks it's 1975": <year> is any year, 1800-2099)
        "[talking|talks|speaking|spouting|saying] [nonsense|gibberish|jibberish|rubbish|drivel|twaddle|garbage|gobbledygook|gobbledegook]",
        "word salad",
        "[thinks|believes|insists|insisting|convinced|keeps saying|keeps telling us|keeps telling me] [it|its] [is|'s|] [still|] <year>",
        # one's own name or address not known, said of oneself ("he couldn't tell me his address"; "I can't remember
        # her name" is another's): forgetting one's own or a relative's is bot/body_systems.py's row
        *(
            f"{who} [does not|did not|do not|can not|could not|is not able to|was not able to|is unable to|was unable to] [know|remember|recall|tell me|tell us|tell you|tell the nurse|say] {whose} [name|address|age|birthday|surname|postcode]"
            for who, whose in (("he", "his"), ("she", "her"), ("i", "my"), ("they", "their"))
        ),
        # taking one person for another: "he thinks I'm the postman", "called me by her sister's name"
        f"[thinks|thought|think|believes|believed|convinced|insists|insisted|swears|swore|keeps saying|kept saying|keeps telling me|kept telling me|sure] [i am|i was|you are|you were|we are|we were] [the|his|her|their|a|an|my|our] [late|dead|] [{_TAKEN_FOR}]",
        "[thinks|thought|believes|believed|convinced|insists|insisted] [i am|i was|you are|you were] [someone|somebody] else",
        f"[called|calls|calling|call|keeps calling|kept calling] [me|us|him|her|them|you] by [a|the|her|his|my|their|our|someone|somebody] [dead|late|] [{_TAKEN_FOR}|wrong|different|other|else 's|dead person 's] ['s|] name",
        "does not know who i am",
        # someone who should know the writer does not ("he don't know my name neither"), nor that they are home
        "[does not|did not|can not|could not] [know|remember|recall] [my|our] [name|names]",
        "[does not|do not|did not|can not] [know|realise|realize|understand] [she|he|they|i|we] [is|'s|s|are|'re|am|'m|was|were] [at home|home|in her own|in his own|in their own|in my own]",
        # called by another's name: "keeps calling me my brother's name" (typed "brothers name" too)
        f"[called|calls|calling|call|keeps calling|kept calling] [me|us|him|her|them|you] [my|his|her|their|our|by my|by his|by her|by their] [{_TAKEN_FOR}|{'|'.join(w + 's' for w in RELATIVES)}] ['s|] name",
        "doesn't know where",
        "don't know where i am",
        # someone close not known ("he not know me", "she doesn't know us any more")
        "[he|she|they] [doesn't|does not|didn't|did not|don't|do not|not|no longer] know [me|us|his family|her family|anyone|anybody]",
        "[doesn't|does not|not] know [me|us|anyone|anybody] [anymore|any more]",
        "can't think straight",
        "cant think straight",
        "delirious",
    ),
    "worst_headache": _s(
        EMERGENCY,
        "the worst headache of your life",
        "worst headache",
        "worst head ache",
        "worst headache of my life",
        "worst headache ever",
        "worst pain of my life",
        "worst pain ever",
        "thunderclap headache",
        "thunderclap",
        # a thunderclap told as something giving way inside the head
        "[something|like something|as if something|like a vessel|something has] [burst|popped|exploded|snapped|went bang|gone bang|gave way|ruptured] [in|inside] [my|his|her|their|the] head",
        "[my|his|her|their] head [exploded|burst|felt like it exploded|felt like it burst]",
        "headache came on suddenly",
        "sudden severe headache",
        "head is exploding",
        "head exploding",
        "sudden headache",
        "headache out of nowhere",
        "hit with a bat",
        "hit by a bat",
    ),
}

# Clinical words and abbreviations that nurses, carers who are nurses, and pharmacists write ("T 37.9, myalgia,
# dyspnoea on exertion"): each the sign it names, added to that sign's phrases below. Never an ambiguous
# lay word ("sob" is crying; "af" is slang), and a reduced consciousness score as its numbers.
CLINICAL_TERMS: dict[str, tuple[str, ...]] = {
    "muscle_aches": ("myalgia", "myalgias", "myalgic"),
    "joint_pain": ("arthralgia", "arthralgias"),
    "fever": ("pyrexia", "pyrexial", "febrile", "low grade pyrexia"),
    "tiredness": ("malaise", "lethargy", "fatigued"),
    "rash": ("urticaria", "urticarial", "urticarial rash", "erythema", "erythematous", "maculopapular", "pruritus"),
    "severe_rash": ("petechiae", "petechial", "petechial rash", "purpura", "purpuric", "non-blanching", "non blanching"),
    "breathing_difficulty": (
        "dyspnoea", "dyspnea", "dyspnoeic", "dyspneic", "tachypnoea", "tachypnea", "tachypnoeic", "tachypneic",
        "orthopnoea", "orthopnea", "soboe", "sob on exertion", "sob at rest", "increased work of breathing",
        "bronchospasm",
    ),
    "severe_breathing_difficulty": ("stridor", "stridulous", "respiratory distress"),
    "throat_or_face_swelling": (
        "angioedema", "angio-oedema", "angio-edema", "[periorbital|facial|lip|tongue|laryngeal] [oedema|edema]",
    ),
    "dizziness": ("presyncope", "pre-syncope", "presyncopal", "near syncope", "orthostatic"),
    "fainting": ("syncope", "syncopal", "syncopal episode", "obtunded", "unrousable", "unrouseable"),
    "seizure": ("postictal", "post-ictal", "tonic clonic", "tonic-clonic"),
    "stroke_signs": (
        "hemiparesis", "hemiplegia", "facial droop", "facial weakness", "dysarthria", "dysarthric", "aphasia",
        "aphasic", "dysphasia", "dysphasic", "unilateral weakness",
    ),
    "palpitations": ("tachycardia", "tachycardic", "tachy", "palpitating"),
    "blue_lips": ("cyanosed", "cyanotic", "cyanosis", "central cyanosis"),
    "clammy_skin": ("diaphoretic", "diaphoresis"),
    "neck_stiffness": ("meningism", "meningismus", "nuchal rigidity", "neck rigidity"),
    "swollen_painful_limb": ("dvt", "calf tenderness", "calf swelling", "unilateral leg swelling"),
    "vomiting": ("emesis", "emesis x2", "vomited x2"),
    "little_or_no_urine": ("oliguria", "oliguric", "anuria", "anuric", "reduced urine output", "low urine output"),
    "dark_urine": ("haematuria", "hematuria", "haemoglobinuria", "hemoglobinuria"),
    "jaundice": ("icterus", "icteric", "scleral icterus"),
    "low_oxygen": ("hypoxic", "hypoxia", "hypoxaemic", "hypoxemic", "desaturating", "desatting"),
    "confusion": ("delirium", "acute confusion"),  # "disoriented", "delirious" are lay words above
}  # fmt: skip
# A Glasgow Coma Scale under 15 (GCS 14 is already "not fully alert"): a reduced consciousness, told as numbers.
CLINICAL_TERMS["fainting"] += tuple(f"gcs {of}{n}" for of in ("", "of ") for n in range(3, 15))
for _sign, _terms in CLINICAL_TERMS.items():
    SYMPTOMS[_sign] = replace(SYMPTOMS[_sign], phrases=SYMPTOMS[_sign].phrases + _terms)

# Signs people describe in many word orders: a body word and a describing word close together in
# one clause ("my face and neck are swelling", "brownish pee", "cheeks burning red").
# A negation anywhere between them or just before ("my lips aren't blue") denies the sign.
# Words of aching said of the muscles and of the joints alike (the joint_pain pair below and the muscle_aches
# row of body_systems.py), with the everyday ways of saying a part hurts: "my knees are killing me", "me joints
# are at me", "my legs are giving me gyp". Said of the belly or the back itself they are a pain that is never
# mild (body_systems.NEVER_MILD_PAIN).
PAIN_IDIOMS = (
    "killing me",
    "killing",
    "murdering me",
    "at me",
    "playing up",
    "playing me up",
    "acting up",
    "giving me grief",
    "giving me gyp",
    "giving me jip",
    "giving me hell",
    "giving me bother",
    "giving me trouble",
    "doing me in",
)
# "pains", "paining": Indian and West African English ("my head is paining me")
ACHING_WORDS = (
    "ache",
    "aches",
    "aching",
    "achy",
    "achey",
    "hurt",
    "hurts",
    "sore",
    "pain",
    "pains",
    "paining",
    "stiff",
) + PAIN_IDIOMS
PAIRED_SIGNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # symptom id:            (body words,                        describing words)
    "throat_or_face_swelling": (
        ("face", "lips", "lip", "tongue", "throat", "mouth", "eyelids", "eyelid", "cheeks", "cheek"),
        (
            "swollen",
            "swelling",
            "swell",
            "swells",
            "swelled",
            "puffy",
            "puffing",
            "puffed",
            "bigger",
            "thick",
            "thicker",
            "closing",
            "tight",
            "tighter",
            "ballooning",
            "ballooned",
            "balloon",
            "balloons",
            "blown up",
            "puffed up",
            "puffing up",
            "blowing up",
            "twice the size",
            "twice its size",
            "twice its normal size",
            "double the size",
            "double its size",
            "huge",
            "enormous",
            "massive",
            "blown",
            "fat",
        ),
    ),
    "blue_lips": (
        ("lips", "lip", "face", "fingers", "fingertips", "mouth", "skin"),
        ("blue", "bluish", "blueish", "bluey", "grey", "gray", "greyish", "greyey", "purple", "purplish"),
    ),
    "stroke_signs": (
        ("face", "arm", "leg", "side", "words", "speech", "smile", "mouth", "hand"),
        (
            "droopy",
            "drooping",
            "droops",
            "droop",
            "slurred",
            "slurring",
            "lopsided",
            "crooked",
            "paralysed",
            "paralyzed",
            "dead",
            "fallen",
            "sagging",
            "sagged",
            "dropped",
            "slumped",
        ),
    ),
    "headache": (
        ("head", "skull", "temples", "forehead"),
        (
            "pain",
            "hurts",
            "hurting",
            "aches",
            "aching",
            "ache",
            "pounding",
            "throbbing",
            "sore",
            "splitting",
            "exploding",
            "explosion",
            "bursting",
            "killing",
        ),
    ),
    "crushing_chest_pain": (
        ("chest",),
        ("crush", "crushes", "crushed", "crushing", "squeezed", "squeezing", "squashed", "vice"),
    ),
    "neck_stiffness": (
        ("neck",),
        ("stiff", "rigid", "locked", "hurts", "sore", "aches", "aching", "pain", "pulls", "pulling", "tugs", "tugging"),
    ),
    "dark_urine": (
        ("pee", "urine", "wee", "piss"),
        ("dark", "darker", "brown", "brownish", "red", "reddish", "cola", "bloody", "pink", "tea"),
    ),
    "jaundice": (("eyes", "skin", "whites"), ("yellow", "yellowish", "yellowy")),
    "swollen_painful_limb": (
        ("calf", "calves", "leg", "legs", "thigh", "ankle"),
        ("swollen", "swelling", "puffy", "hot", "throbbing"),
    ),
    "joint_pain": (
        ("knees", "knee", "elbows", "elbow", "joints", "joint", "wrists", "wrist", "hips", "shoulders"),
        ACHING_WORDS
        + (
            "painful",
            "creaky",
            "creaking",
            "gyp",
            # stiff, said as a machine's ("need oiling", "rusty", "like the Tin Man")
            "rusty",
            "oiling",
            "need oil",
            "grinding",
            "creak",
            "creaks",
        ),
    ),
    "infusion_site_irritation": (
        ("iv", "needle", "drip", "cannula", "line", "injection", "puncture", "port"),
        (
            "sore",
            "red",
            "redness",
            "pink",
            "bruise",
            "bruised",
            "bruising",
            "swollen",
            "swelling",
            "puffy",
            "itchy",
            "itching",
            "tender",
            "painful",
            "irritated",
            "bump",
            "lump",
            "hurts",
            "stings",
            "stinging",
            "burning",
        ),
    ),
    "flushing": (
        ("face", "cheeks", "cheek", "ears"),
        (
            "red",
            "hot",
            "burning",
            "warm",
            "flushed",
            "pink",
            "flushing",
            "rosy",
            "scarlet",
            "beetroot",
            "crimson",
            "glowing",
        ),
    ),
    "fever": (("feel", "feeling", "felt", "feels", "i'm", "am", "running"), ("hot", "warm", "feverish", "boiling")),
}

# Words of a complaint the lexicon may not know ("my toe itches", "a nosebleed"). A message with one of
# these and no known symptom is an unknown symptom: one clarifying question, then "call your doctor".
# The strong ones count even beside known symptoms ("headache and a nosebleed").
COMPLAINT_WORDS = (
    "hurt",
    "hurts",
    "hurting",
    "pain",
    "paining",
    "painful",
    "ache",
    "aches",
    "aching",
    "achy",
    "sore",
    "itch",
    "itches",
    "itchy",
    "itching",
    "swollen",
    "swelling",
    "numb",
    "tingling",
    "sick",
    "unwell",
    "weird",
    "strange",
    "burning",
    "stinging",
    "throbbing",
    "cramps",
    "cramping",
    "weak",
    "weaker",  # "legs weaker than yesterday": a weakness that grows is a complaint all the same
    "weakness",
)
STRONG_COMPLAINT_WORDS = (
    "drowsy",
    "drowsiness",
    "bleeding",
    "bleed",
    "blood",
    "nosebleed",
    "cough",
    "coughing",
    "coughs",
    "diarrhea",
    "diarrhoea",
    "blurry",
    "blurred",
    "vision",
    "taste",
    "ringing",
    "numbness",
    "tingling",
    "hallucinating",
    "palpitating",
    "bruises",
    "bruising",
    "discharge",  # from an eye, the ear, the drip site ("discharge letter" is paperwork: body_systems)
    "pus",
    "oozing",
)

# Complaints of more than one word that the lexicon has no symptom for: strong, like the words above.
STRONG_COMPLAINT_PHRASES = (
    "the runs",
    "the trots",
    "the squits",
    "loose stools",
    "loose motions",  # Indian English
    "loose motion",
    "loose stool",
    "loose bowels",
    "runny poo",
    "watery poo",
    "upset bowels",
    "dodgy bowels",
    "bowels are loose",
    "keep going to the loo",
    "keep going to the toilet",
    "back and forth to the loo",
    "back and forth to the toilet",
    "nose bleed",
    "coughing up",
    "pins and needles",
    "ringing in my ears",
    "ears ringing",
    "blurred vision",
    "double vision",
    "seeing double",
    "spots in my vision",
    "can not see properly",
    "lost my voice",
    "sore throat",
    "chest infection",
    "water infection",
    "burning when i pee",
    "stings when i pee",
    "hurts to pee",
    "nodding off",
    "drifting off",
    "dozing off",
    "can not stay awake",
    "keep falling asleep",
    "falling asleep mid",
)

# Vague complaints of more than one word: an unknown symptom when nothing known is reported beside them.
COMPLAINT_PHRASES = (
    # feeling unwell in general: a report to ask about, never a goodbye
    "not great",
    "not feeling great",
    "not feeling good",
    "not feeling well",
    "not feeling myself",
    "not feeling right",
    "not too good",
    "not so good",
    "not herself",
    "not himself",
    "not quite herself",
    "not quite himself",
    "not myself",
    "something's wrong",
    "something is wrong",
    # an episode told as a "turn": a faint, a fit or a dizzy spell, to be described
    "[a|had a|having a|took a|bit of a] [funny|queer|strange|weird|bad|nasty|dizzy] turn",
    "something wrong with",
    "something's not right",
    "something is not right",
    "won't feed",
    "not feeding",
    "refusing to feed",
    "refusing feeds",
    "won't drink",
    "not drinking",
    "refusing to drink",
    "feel off",
    "feel a bit off",
    "feeling off",
    "feeling a bit off",
    # a reaction told as happening, its signs not named: asked about, then the doctor
    "[having|had|got|getting] [a|an|some|some kind of|some sort of] [allergic|bad|nasty|strong|] [reaction|reactions]",
    # "bit off after my infusion", "she's a little off today" (not "the milk's a bit off", "I'm off to work")
    "[bit|a bit|a little|little bit|a tad|kinda|kind of|slightly|all a bit] off [after|since|today|tonight|this morning|this afternoon|this evening|post|following|in myself|in himself|in herself|generally]",
    "[i'm|im|i am|he's|she's|he is|she is|they're|they are] [a bit|a little|kinda|kind of|slightly|a tad] off",
    "feel funny",
    "feeling funny",
    # something said to feel wrong, its kind not named: "something feels a bit odd", "something's off with my ears"
    "[something|everything|things|it all|i] [feels|feel|felt|seems|seem|is|just] [a bit|a little|kind of|kinda|slightly|very|really|] [odd|weird|strange|funny|wrong]",
    "[something|something 's|something is] [a bit|a little|kind of|kinda|slightly|] off [with|in|about]",
    # Nigerian and Ghanaian English: "I am feeling somehow" (not well, hard to say how)
    "[feeling|feel|feels|felt] somehow",
    "[i am|he is|she is|i'm|am] somehow [.|,|!|today|since|after|now]",
    "feel odd",
    "feeling odd",
    "not feeling right",
    "not right in myself",
    "feel strange",
    "feel weird",
    "feel not right",
    "[just|i'm|im|i am|he's|she's|he is|she is|they're|they are] not right",
    # said of anyone named ("Dad's no right efter his infusion", "mum is not right since the drip")
    "[is|'s|was] not right [after|since|efter|today|tonight|in himself|in herself|at all|.|!]",
    # a mind that is not clear: asked about, then the doctor (new confusion itself is an emergency)
    "brain fog",
    "[brain|head|mind|thinking] [feels|is|has gone|went|seems|all] [foggy|fuzzy|cloudy|muddy|slow]",
    "[foggy|fuzzy|cloudy] [brain|head|mind]",
    "[things|everything] [don't|doesn't|do not|does not] make sense",
    "[things|everything] [make|makes] no sense",
    "nothing makes sense",
)

# Words that make a symptom worse: a severe rash becomes `severe_rash`, and so on (via `worse_as`).
SEVERITY_WORDS = (
    "severe",
    "severely",
    "terrible",
    "terribly",
    "horrible",
    "horrid",
    "awful",
    "excruciating",
    "unbearable",
    "intense",
    "extreme",
    "extremely bad",
    "really bad",
    "very bad",
    "so bad",
    "super bad",
    # a degree told by what it stops ("it's that bad I can't look at the telly", "that sore she's in tears")
    "that bad i",
    "that bad she",
    "that bad he",
    "that bad that",
    "that sore i",
    "that sore she",
    "that sore he",
    "that painful i",
    "horrendous",
    "dreadful",
    "brutal",
    "ferocious",
    "savage",
    "intolerable",
    "debilitating",
    "insane",
    "can not even open my eyes",
    "can not even",
    "like an explosion",
    "worst",
    "killing me",
    "splitting",
    "agonizing",
    "agonising",
    "crippling",
    "massive",
)
# A pain score out of 10 said beside a symptom: from 7 it is severe, 10 is the worst there is.
PAIN_SCORE_SEVERE = 7
PAIN_SCORE_WORST = 10
# Words that make a symptom "the worst ever" (with "worst" itself): an emergency for a headache.
WORST_WORDS: tuple[str, ...] = (
    "worst",
    "never been this bad",
    "like nothing before",
    "like never before",
) + tuple(  # "never known pain like it", "never had anything like this", "never felt a headache like it"
    f"never {verb} {what} like"
    for verb in ("had", "felt", "known", "experienced", "suffered")
    for what in ("anything", "pain", "a pain", "one", "a headache", "a head")
)
# A superlative said of one's whole life ("the most horrific headache I've had in my life", "the worst pain
# of my whole life"): the worst ever, when a superlative that is not a kind one comes before it.
LIFETIME_WORDS = tuple(
    f"{preposition} {whose}{whole} life"
    for preposition in ("in", "of")
    for whose in ("my", "his", "her", "their", "all my", "all his", "all her")
    for whole in ("", " whole", " entire")
) + ("ever had",)
WORST_WORDS += LIFETIME_WORDS
# A superlative of a recent stretch only ("the worst pounding I've had in years", "worst in ages"): severe, not
# the worst ever, when one of these follows "worst" in its sentence.
RECENT_STRETCH = (
    "in years",
    "in months",
    "in weeks",
    "in ages",
    "in a while",
    "in a long time",
    "in a long while",
    "for years",
    "for months",
    "for ages",
    "for a while",
    "this year",
    "this month",
    "this week",
    "lately",
    "recently",
)
# A superlative said of a stretch of time is not said of a symptom: "the worst night ever", "worst day of my life".
# What a person is, after a severity word: "I'm a terrible worrier", "an awful patient" is said of the writer.
WHAT_A_PERSON_IS = (
    "worrier", "worriers", "worrywart", "worry wart", "panicker", "fusser", "overthinker", "hypochondriac",
    "patient", "sleeper", "cook", "driver", "liar", "speller", "typist", "texter", "person", "mother", "mum",
)  # fmt: skip
TIME_NOUNS = ("night", "nights", "day", "days", "week", "weeks", "weekend", "morning", "evening", "year", "month")
# Nothing compares: these words after "nothing", "never" or "no" in the same sentence ("nothing I've ever
# had comes close", "nothing compares to it") say the symptom is the worst ever.
NOTHING_COMPARES = ("comes close", "come close", "came close", "coming close", "compares", "compare", "compared")
NOTHING_WORDS = ("nothing", "never", "no", "none")
# A denial of normality only ("no way this is a normal headache", "not your usual headache"): the symptom is
# there and not the usual kind, so it counts, as a severe one.
NORMAL_KINDS = ("normal", "usual", "ordinary", "regular", "typical", "everyday", "average", "standard")
# Emoji that name one symptom and nothing else, read as the word ("now 🤢🤮"); faces that only show a mood
# (😩, 😭) are left as written.
SYMPTOM_EMOJI = {
    "🤮": "vomiting",
    "🤢": "nauseous",
    "🤒": "feverish",
    "🤕": "headache",
    "🥶": "shivery",
    "😵": "dizzy",
}
# Other ways of saying "can't": a lexicon phrase written with "can't" is matched with each of these too
# ("is it normal to not be able to catch my breath", "unable to swallow"), so no phrase has to list them.
# The words of a yes/no answer a misspelling may stand for ("normle", "fien", "nopw"): corrections may lead
# to them as to the lexicon's words (bot/nlp.py spelling_vocabulary).
ANSWER_WORDS = (
    "normal", "normally", "fine", "okay", "alright", "nope", "yeah", "yes", "nothing", "usual", "same", "sure",
    "maybe", "never", "none", "better", "good",
)  # fmt: skip
INABILITY_FORMS = ("unable to", "not able to", "not be able to", "be unable to", "could not", "never able to")
# Regional words read as the English word they stand for (Scots negatives: "I cannae look", "it didnae help").
DIALECT_WORDS = {
    "cannae": "cannot",
    "sair": "sore",  # Scots: "ma heid's sair"
    "deh": "is",  # Jamaican: "she nuh know where she deh" (where she is)
    "dinnae": "not",
    "didnae": "not",
    "doesnae": "not",
    "couldnae": "not",
    "wouldnae": "not",
    "shouldnae": "not",
    "willnae": "not",
    "isnae": "not",
    "wasnae": "not",
    "havenae": "not",
    "hasnae": "not",
    "arenae": "not",
    # Caribbean creole: "we cyaan wake her", "di pain"
    "cyaan": "cannot",
    "kyaan": "cannot",
    "di": "the",
    "likkle": "little",
    # Scots words of the body and of place: "blue roond the mooth", "sair heid", "gone oot"
    "roond": "round",
    "aroond": "around",
    "mooth": "mouth",
    "heid": "head",
    "oot": "out",
    "doon": "down",
    "tae": "to",
    "hame": "home",
    # "not" of the other languages patients here mix in ("nie swollen", "nahi pain", "não dizzy")
    "nie": "not",
    "nahi": "not",
    "nahin": "not",
    "não": "not",
}
# Negation said with one word before a verb in regional speech: Scots "she's no makin any sense" ("no" after a
# form of "be", before an -ing word), Caribbean creole "it nah spread" ("nah" after the one it is said of), and
# US Southern "he don't know" ("don't" for "doesn't"): read as "not" (and "does not").
DIALECT_NOT_AFTER_BE = ("no",)
# ... and before a word of how one is: "Dad's no right", "she's no well", "I'm no masel" (Scots)
DIALECT_NOT_BEFORE_A_STATE = (
    "right",
    "well",
    "weel",
    "himself",
    "herself",
    "myself",
    "masel",
    "hissel",
    "good",
    "great",
)
DIALECT_NOT_AFTER_SUBJECT = ("nah", "nuh")
BE_WORDS = ("is", "'s", "am", "'m", "are", "'re", "was", "were")
# Words before a state ("is confused", "feels very tired"): there a bare verb is the state whose "-ed" a
# learner of English drops ("he is very confuse", "I feel tire").
BEFORE_A_STATE = BE_WORDS + (
    "be",
    "been",
    "very",
    "so",
    "really",
    "too",
    "bit",
    "little",
    "more",
    "feel",
    "feels",
    "felt",
    "look",
    "looks",
    "looked",
    "seem",
    "seems",
    "seemed",
    "become",
    "becomes",
    "became",
    "get",
    "gets",
    "got",
)
SUBJECT_WORDS = ("i", "he", "she", "it", "we", "they", "you", "mi", "him", "her", "dem", "rash", "pain", "swelling")
DONT_FOR_DOESNT_AFTER = ("he", "she", "it")
# Signs that count only when new (the IVIG article's "new confusion"): said to be unchanged from the person's
# usual ("her memory is the same as always", dementia), they are a long-standing state, not this reaction's sign.
NEW_ONLY = frozenset({"confusion"})
UNCHANGED = (
    "same as before",
    "same as always",
    "same as usual",
    "same as ever",
    "as always",
    "as usual",
    "no different",
    "no worse",
    "exactly the same",
    "his usual self",
    "her usual self",
    "normal for him",
    "normal for her",
    "always like this",
    "always like that",
)
CHANGED = ("worse", "new", "suddenly", "sudden", "since", "never", "different", "not like", "not normal", "changed")
# Punctuation said aloud to voice dictation ("she doesn't know where she is period she keeps asking for her
# mother"): read as the mark itself, so that every rule sees the sentence end. Only in a message that has no
# real sentence punctuation before its last word (dictated, not typed), and never after a word that makes it
# a noun ("a full stop", "a question mark over it"; for "period" any of SAID_AS_A_NOUN_AFTER: "my period", "no
# period this month") or before one of menstruation ("period pain").
DICTATED_PUNCTUATION = {
    "period": ".",
    "full stop": ".",
    "fullstop": ".",
    "new line": ".",
    "next line": ".",
    "new paragraph": ".",
    "comma": ",",
    "semicolon": ";",
    "semi colon": ";",
    "question mark": "?",
    "exclamation mark": "!",
    "exclamation point": "!",
}
SAID_AS_A_NOUN_AFTER = (
    "my", "her", "his", "their", "your", "our", "a", "an", "the", "this", "that", "next", "last", "first",
    "heavy", "light", "late", "early", "missed", "painful", "bad", "monthly", "time", "grace", "trial", "waiting",
    "recovery", "any", "no", "of", "whole", "same", "short", "long",
)  # fmt: skip
MENSTRUATION_AFTER = (
    "pain", "pains", "cramp", "cramps", "cramping", "blood", "bleeding", "flow", "of", "pad", "pads", "started",
    "came", "come", "coming", "due", "late", "stopped",
)  # fmt: skip
# "my" (and "his", "her") in regional speech, read so only before a part of the body ("ma heid", creole "mi
# chest", "him chest"; "ma" alone is a mother, "him" alone a man).
DIALECT_MY = ("ma", "mah", "mi", "him")
# Words of pain that make "hed" (which the tokenizer reads as "he'd") the head: "hed ache mild", "hed hurts".
HEAD_PAIN_WORDS = ("ache", "aches", "aching", "hurts", "hurting", "pain", "pounding", "throbbing", "sore", "is", "'s")
# Getting better: a message that says only this, in which no layer reads a symptom, reports nothing new
# (components/nlu/symptom_scanner.py); a trend word of getting worse, or one of these denied, undoes it.
IMPROVEMENT_WORDS = (
    "easing off",
    "easing",
    "eased",
    "eased off",
    "much better",
    "better already",
    "feeling better",
    "feels better",
    "a bit better",
    "a little better",
    "loads better",
    "lot better",
    "warmed up",
    "perked up",
    "picked up",
    "picking up",
    "settling",
    "improving",
    "improved",
    "on the mend",
    "bucked up",
    "back to himself",
    "back to herself",
    "back to myself",
    "back to normal",
)
# Nouns that name a pain only, with no place: "a headache ..., the worst pain I've ever had" says it of the
# symptom named before it in the sentence.
PAIN_NOUNS = ("pain", "pains", "ache", "agony", "one")  # "one": "the worst one I've ever had"
# Sudden onset: a headache that comes "out of nowhere" is treated as the worst headache (thunderclap).
SUDDEN_WORDS: tuple[str, ...] = (
    "sudden",
    "suddenly",
    "out of nowhere",
    "all of a sudden",
    "thunderclap",
    "came on fast",
    # onset in seconds, or like a blow: the thunderclap headache
    "in seconds",
    "in a second",
    "in a split second",
    "split second",
    "within seconds",
    "instantly",
    "in an instant",
    "gunshot",
    "like a bullet",
    "like a bomb",
    "exploded",
    "explosion",
    "like being hit",
    "like i was hit",
    "like someone hit",
    "hit with a bat",
    "hit with a hammer",
    "hit me like",
    "hit like a",
    "swung a bat",
    "with a bat",
    "like a bat",
    "like thunder",
    "thunderbolt",
)
# onset counted in seconds: "in one second", "within 2 seconds", "in a couple of seconds"
SUDDEN_WORDS += tuple(
    f"{within} {few} {unit}"
    for within in ("in", "within")
    for few in ("one", "1", "two", "2", "a few", "a couple of", "few")
    for unit in ("second", "seconds", "secs", "sec")
)
# A gradual onset: the answer "it built up over the day" to "did it come on suddenly?" is a no.
GRADUAL_WORDS = (
    "gradual",
    "gradually",
    "slowly",
    "built up",
    "building up",
    "crept up",
    "creeping up",
    "crept in",
    "came on slow",
    "bit by bit",
    "over the morning",
    "over the afternoon",
    "over the evening",
    "over the day",
    "over a few hours",
    "over hours",
    "over the hours",
    "over time",
)
# A headache like ones had before: not "the worst ever" (the answer to the worst-headache question).
FAMILIAR_WORDS = (
    "like my usual",
    "like my migraines",
    "similar to my",
    "same as my usual",
    "had worse",
    "had this before",
    "had it before",
    "had them before",
)
TREND_WORDS = (
    "worse",
    "worsening",
    "getting worse",
    "spreading",
    "spread",
    "spreads",
    "all over",
    "everywhere",
    # the extent of it ("widespread urticaria", "hives over a large area"): hives over large areas call the doctor
    "widespread",
    "generalised",
    "generalized",
    "extensive",
    "large area",
    "large areas",
    "head to toe",
    "growing",
    "getting bigger",
    "bigger",
    "increasing",
    "will not stop",
    "does not stop",
    "nonstop",
    "non stop",
)

# Paperwork and appointments: a message that names one of these and says nothing else than REQUEST_WORDS
# ("can I have a copy of my discharge letter sent to my GP", "please email the clinic letter to my doctor")
# is a request, not a report: no learned question, no disposition (bot/system_checks.py asks_for_paperwork).
# Any other word ("... and I've gone wobbly") leaves the message to the usual reading.
ADMIN_PHRASES = (
    "discharge letter",
    "discharge summary",
    "discharge papers",
    "discharge paperwork",
    "clinic letter",
    "letter",
    "letters",
    "copy of",
    "paperwork",
    "sick note",
    "fit note",
    "doctor's note",
    "prescription",
    "repeat prescription",
    "appointment",
    "appointments",
    "invoice",
    "bill",
    "billing",
    "insurance",
    "referral",
    "records",
    "form",
    "forms",
    "parking",
    # results and copies of documents: "are my bloodwork results back?", "kindly share the prescription copy"
    "results",
    "result",
    "test results",
    "blood test",
    "blood tests",
    "blood results",
    "bloodwork",
    "blood work",
    "lab results",
    "labs",
    "report",
    "reports",
    "receipt",
    "receipts",
    "certificate",
    "document",
    "documents",
    "statement",
    "email id",
    "mail id",
)
_REQUEST_WORDS = """
    a an the of to for from at on in by with and or i me my mine you your we us our he him his she her they them
    their it its this that these those is are was were be been am s re m ve ll d have has had do does did can could
    would will shall should may might please pls plz thanks thank thankyou cheers hi hello hey dear just also again
    too as so if when where what which how who whether there here any some all one not
    copy copies send sent sending resend email emailed e mail post posted forward forwarded print printed fax faxed
    give get got receive received need want like ask asking request requested see access update change book booked
    cancel cancelled canceled reschedule move arrange check know find out possible wondering wonder
    gp g p doctor doctors doc surgery practice consultant specialist nurse nurses team clinic hospital unit ward
    office work employer insurer pharmacy pharmacist chemist address home
    today tomorrow yesterday next last week soon asap now time date day
    kindly share shared id back ready yet available in status text message whatsapp upload uploaded portal online
    claim claims letter says said sms correct right wrong confirm but ah la lah am pm
"""
REQUEST_WORDS = frozenset(_REQUEST_WORDS.split())

# A more serious form implies its general symptom: a severe headache is a headache.
GENERAL_FORM: dict[str, str] = {}
for _general, _symptom in SYMPTOMS.items():  # the first general form named wins: a worst headache is a headache
    for _serious in (_symptom.worse_as, _symptom.worst_as):
        if _serious:
            GENERAL_FORM.setdefault(_serious, _general)
