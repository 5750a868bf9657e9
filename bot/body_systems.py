"""Body-system generalisation: a body word and an abnormal description of it, in one clause, name
that system's sign, whatever the exact words ("each breath takes effort", "a band squeezing round my
ribs", "only been to the loo once since yesterday").

A triage nurse escalates any abnormal description of breathing, the chest, one side of the body,
urine, a swollen leg or consciousness; the mild systems (muscles, infusion site, stomach, tiredness)
land on their mild symptom instead of "a symptom I cannot assess". Read each row as:
  symptom id, body words, abnormal words, normal words, reach, unless
- body words: what the patient talks about (one or more words: "left arm").
- abnormal words: any of these near a body word is that sign, unless negated ("my breathing isn't laboured").
- normal words: a normal word that is itself negated is abnormal ("air isn't going in properly",
  "his mouth isn't moving like the left"); said plainly ("breathing's fine") it is nothing. A normal word
  that is also a body word needs no other word ("he's not responding").
- reach: at most this many words between the body word and the describing word, in one clause.
- unless: a word in the same sentence that explains the description away (a swollen arm "where the drip
  went in" is the infusion site, not a swollen limb), unless that word is itself negated ("not the drip arm").
The symptoms' levels are in lexicon.py; the rule layer (bot/nlp.py) applies context (negation, history,
someone else) to these spans as to every lexicon phrase. A lexicon phrase over the same words wins,
unless this reading is more serious.
"""
from __future__ import annotations

_BREATH = ("breath", "breaths", "breathe", "breathing", "breathes", "breathed", "air", "lungs", "lung", "inhale",
           "inhaling", "exhale", "airway", "windpipe")
_URINE = ("urine", "pee", "peed", "peeing", "pees", "wee", "weed", "weeing", "wees", "urinate", "urinated",
          "urinating", "urination", "toilet", "loo", "bathroom", "restroom", "potty", "nappy", "nappies", "diaper",
          "diapers", "bladder", "piss")
_SITE = ("iv", "needle", "drip", "cannula", "line", "injection", "puncture", "port", "vein", "veins", "site",
         "catheter", "picc", "where they put", "where it went in", "where the")
_SITE_WRONG = ("sore", "red", "redness", "pink", "bruise", "bruised", "bruising", "bruises", "swollen", "swelling",
               "puffy", "itchy", "itching", "itches", "tender", "painful", "irritated", "irritation", "bump", "lump",
               "hurts", "hurt", "hurting", "stings", "stinging", "burning", "achy", "aching", "ache", "aches",
               "warm", "blue", "purple", "mark", "raised", "hard", "throbbing")
_SKIN = ("rash", "rashes", "hives", "spots", "skin", "bumps", "welts", "blotches", "itchy", "itching", "bruise")
_LIMB_WRONG = ("swollen", "swelling", "swelled", "swell", "puffy", "puffed", "hot", "warm", "throbbing", "tender",
               "bigger", "fatter", "fat", "tight", "shiny", "hard")

ROWS = tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...], int, tuple[str, ...]]
BODY_SYSTEMS: tuple[ROWS, ...] = (
    # symptom id, body words, abnormal words, normal words (abnormal when negated), reach, unless
    # --- red flags (call your doctor now, or the emergency number)
    ("breathing_difficulty", _BREATH,
     ("effort", "hard", "harder", "difficult", "difficulty", "struggle", "struggling", "struggled", "noise", "noisy",
      "squeaky", "squeak", "squeaking", "whistling", "whistle", "whistly", "rattly", "rattling", "rattle", "raspy",
      "crackly", "wheeze", "wheezy", "wheezing", "heavy", "short", "shorter", "shallow", "fast", "faster", "rapid",
      "quick", "laboured", "labored", "tight", "tighter", "weight", "pressure", "gasp", "puffing", "panting",
      "strain", "straining", "work", "stopping", "stuck", "blocked", "hurts", "painful", "trouble", "problem",
      "problems", "issue", "issues", "funny", "weird", "strange", "off", "wrong", "odd", "ragged", "fighting",
      "gulping", "effortful", "exhausting", "huffing"),
     ("properly", "right", "normal", "normally", "enough", "deep", "deeply", "full", "fully", "easy", "easily",
      "in", "fill", "filling"), 5, ()),
    ("severe_breathing_difficulty", _BREATH,
     ("gasping", "suffocating", "choking", "drowning", "unable", "impossible", "barely", "stopped"), (), 4, ()),
    ("chest_tightness", ("chest", "ribs", "rib", "ribcage", "breastbone", "sternum"),
     ("tight", "tightness", "tighter", "pressure", "heavy", "heaviness", "weight", "band", "squeezing", "squeeze",
      "squeezed", "pain", "painful", "hurts", "hurting", "ache", "aching", "sore", "discomfort", "burning",
      "stabbing", "sharp", "pressing", "pushing", "clamp", "clamped", "strap", "belt", "vice", "constricted",
      "restricted", "compressed", "twinge", "twinges", "funny", "weird", "odd", "strange", "wrong", "fluttery"),
     ("right", "normal"), 5, _SKIN),
    ("crushing_chest_pain", ("chest",), ("elephant", "crushed", "crushing", "squashed", "anvil", "brick", "boulder"),
     (), 5, ()),
    ("little_or_no_urine", _URINE,
     ("little", "less", "hardly", "barely", "once", "only", "tiny", "trickle", "dribble", "dribbles", "drops",
      "fewer", "dry", "nothing", "rarely", "scanty", "reduced"),
     ("much", "normal", "normally", "properly", "usual", "enough"), 6, ()),
    ("dark_urine", _URINE,
     ("dark", "darker", "brown", "brownish", "red", "reddish", "cola", "bloody", "blood", "pink", "pinkish", "tea",
      "orange", "rusty", "coke", "black", "murky"), (), 5, ()),
    ("swollen_painful_limb", ("calf", "calves", "leg", "legs", "thigh", "thighs", "ankle", "ankles", "shin", "foot",
                              "feet"), _LIMB_WRONG, (), 5, ()),
    ("swollen_painful_limb", ("arm", "arms", "forearm", "upper arm", "elbow", "shoulder"), _LIMB_WRONG, (), 5, _SITE),
    ("stroke_signs",
     ("one side", "left side", "right side", "one arm", "left arm", "right arm", "one leg", "left leg", "right leg",
      "left hand", "right hand", "smile", "face", "mouth", "eyelid", "grip"),
     ("numb", "numbness", "weak", "weakness", "droop", "drooping", "droopy", "droops", "dead", "lopsided", "crooked",
      "paralysed", "paralyzed", "floppy", "limp", "useless", "sagging", "fallen", "uneven", "dropped", "slack"),
     ("moving", "move", "working", "work", "properly", "lift", "grip", "smile"), 5, ()),
    ("stroke_signs", ("speech", "words", "talking", "speaking", "talk", "speak", "voice"),
     ("slurred", "slurring", "slurry", "garbled", "jumbled", "mixed", "mixing", "muddled", "wrong", "off", "funny",
      "weird", "strange", "gibberish", "thick", "drunk"), ("come out", "properly", "right", "normal"), 5, ()),
    ("fainting", ("wake", "waking", "rouse", "rousing", "conscious", "consciousness", "respond", "responding",
                  "responds", "answering"),
     ("hard", "harder", "difficult", "struggle", "struggling", "unable", "barely", "lost", "losing", "ages",
      "forever", "long time"),
     ("wake", "respond", "responding", "answering", "waking"), 4, ()),
    ("fainting", ("everything", "vision", "eyesight"), ("black", "blank", "dark"), (), 3, ()),
    ("fainting", ("floor", "ground"), ("woke", "came to", "came round", "came around", "next thing", "remember",
                                       "ended up", "found myself", "found him", "found her"), (), 6, ()),
    ("confusion", ("what year it is", "what day it is", "where she is", "where he is", "where i am", "who i am",
                   "who she is", "who he is", "saying", "talking", "people", "family", "own name", "own address",
                   "own children", "own kids"),
     ("asking", "asks", "ask", "forgot", "forgotten", "forgets", "confused", "nonsense", "gibberish", "jumbled"),
     ("know", "remember", "recognise", "recognize", "make sense", "makes sense", "making sense", "sure", "tell",
      "work out"), 5, ()),
    ("seizure", ("body", "arms", "legs", "limbs", "eyes", "whole", "all over"),
     ("jerking", "jerked", "jerks", "jerky", "twitching", "twitched", "convulsing", "convulsed", "thrashing",
      "fitting", "rolled", "rolling", "went stiff", "gone stiff", "stiffened"), (), 5, ()),
    ("throat_or_face_swelling", ("throat", "tongue", "lips", "lip", "windpipe", "airway"),
     ("swollen", "swelling", "swell", "swells", "swelled", "puffy", "puffed", "bigger", "thick", "thicker", "closing",
      "closed", "tight", "tighter", "ballooning", "ballooned", "huge", "enormous", "massive", "fat", "fatter",
      "lump", "stuck", "blocked", "narrow", "narrowing", "restricted", "golf ball", "big"), ("fit", "fits"), 5, ()),
    ("vomiting", ("brought up", "bringing up", "brings up", "bring up", "came up", "came back up", "coming back up"),
     ("bile", "food", "everything", "dinner", "lunch", "breakfast", "tea", "water", "sick", "contents", "drink",
      "meal"), (), 3, ()),
    # --- mild systems (manage at home)
    ("infusion_site_irritation", _SITE, _SITE_WRONG, (), 8, ()),
    ("muscle_aches",
     ("muscles", "muscle", "legs", "arms", "shoulders", "body", "limbs", "thighs", "all over", "everywhere",
      "bones"),
     ("ache", "aches", "aching", "achy", "achey", "sore", "soreness", "stiff", "heavy", "hurt", "hurts", "hurting",
      "tender", "pain", "pains", "throbbing", "knotted", "crampy", "cramping", "cramps", "battered", "beaten"),
     (), 4, ()),
    ("nausea", ("stomach", "tummy", "belly", "gut", "guts", "insides"),
     ("upset", "wobbly", "queasy", "churning", "churn", "turning", "turn", "turns", "unsettled", "dodgy", "funny",
      "off", "rumbly", "iffy", "rough", "sick", "dicky", "gippy", "knotted", "uneasy", "weird", "strange",
      "rolling", "flipping", "somersaults"), ("right", "settled"), 4, ()),
    ("tiredness", ("energy", "eyes", "eyelids", "sleep", "sleeping", "awake"),
     ("low", "little", "zero", "zapped", "drained", "sapped", "heavy", "droopy", "all day", "lot", "more", "off",
      "dozing", "sluggish", "lead", "leaden"), ("keep", "stay"), 3, ()),
    ("chills", ("teeth", "cold"), ("chattering", "chatter", "chattered", "feeling the", "can not get warm"), (), 3, ()),
    ("fever", ("temp", "temperature", "feel", "feeling", "felt", "feels", "running", "forehead", "skin", "slightly",
               "bit", "little"),
     ("warm", "hot", "low grade", "slight", "raised", "toasty", "clammy", "boiling", "gone up", "going up", "went up",
      "is up", "rising", "risen", "climbing"), (), 3, ()),
    ("headache", ("head", "skull", "temples", "temple", "forehead", "behind my eyes", "behind the eyes"),
     ("thumping", "banging", "pounding", "throbbing", "splitting", "hammering", "hammer", "drilling", "pressure",
      "heavy", "tight", "band", "ache", "aching", "achy", "sore", "hurts", "hurting", "pain", "exploding", "exploded",
      "explosion", "bursting", "killing", "pulsing", "stabbing"), (), 5, ()),
    ("flu_like_symptoms", ("feel", "feeling", "feels", "felt", "flu", "fluey"),
     ("rubbish", "crap", "crappy", "lousy", "rough", "grotty", "poorly", "ropey", "ropy", "crummy", "yuck", "yucky",
      "meh", "bleh", "blah", "garbage", "naff", "grim", "coming on", "coming down", "got the", "dreadful", "pants",
      "shocking", "unwell", "ill", "run down", "fluish", "off colour", "off color", "under the weather",
      "death warmed up", "like death", "hit by a bus", "hit by a truck", "washed out"), (), 4, ()),
)

# A rash that grows: these words beside a rash make it a spreading rash (with lexicon.TREND_WORDS).
SPREAD_WORDS = ("doubled", "tripled", "crept", "creeping", "covering", "covers", "moved", "grown", "grew",
                "travelled", "traveled", "now on", "now it is on", "now it 's on", "now covers", "both arms",
                "both legs", "whole body", "more of", "further", "larger", "right up to", "up to the elbow",
                "up to my elbow", "up to the shoulder", "up my arm", "down my arm", "up to my shoulder")
# The symptoms a spread word raises, and what they become: a site reaction spreading up the arm is a swollen limb.
SPREADS = {"rash": "severe_rash", "infusion_site_irritation": "swollen_painful_limb"}

# Parts of the body: a phrase the statistical layer marks as a symptom counts as an unknown symptom only
# when it names one of these or a complaint word (lexicon.COMPLAINT_WORDS), never for ordinary words.
BODY_PARTS = ("head", "face", "eye", "eyes", "eyelid", "eyelids", "ear", "ears", "nose", "mouth", "lips", "lip",
              "tongue", "teeth", "tooth", "gums", "jaw", "throat", "neck", "shoulder", "shoulders", "arm", "arms",
              "elbow", "wrist", "hand", "hands", "finger", "fingers", "chest", "ribs", "heart", "lungs", "breath",
              "breathing", "back", "spine", "stomach", "tummy", "belly", "bowel", "bowels", "bum", "groin", "hip",
              "hips", "leg", "legs", "knee", "knees", "calf", "calves", "ankle", "ankles", "foot", "feet", "toe",
              "toes", "skin", "scalp", "vision", "hearing", "urine", "pee", "muscles", "joints", "veins", "kidneys",
              "bladder", "armpit", "sinuses", "temples", "forehead")

# A single complaint word names a skin symptom only on the skin: "itchy eyes", "itchy throat" are no rash
# (then the word is a complaint the lexicon does not know: one question, then the doctor).
NOT_SKIN = ("eyes", "eye", "eyelids", "ears", "ear", "throat", "nose", "mouth", "tongue", "gums", "lips", "bum",
            "bottom", "privates", "vagina", "groin")
