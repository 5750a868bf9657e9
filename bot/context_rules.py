"""ConText rules: which words change what a symptom phrase means (Harkema et al., ConText, 2009).

One row per trigger: (phrase, category, direction, max_scope). Read it as a clinician:
  "no"  NEGATED  FORWARD  6   -> "no" denies a symptom named up to 6 words after it.
`[a|b]` means "a or b", `[a|]` "a, or nothing" (as in lexicon.py); phrases are matched on the words
after spelling and contraction clean-up ("can't" reads "can not", "I'm" reads "i am").

Categories (what a symptom in scope becomes):
  NEGATED       denied ("no trouble breathing")               -> Findings.denied
  POSSIBLE      said with doubt ("maybe", "I think")          -> present, and hedged (never dropped)
  HYPOTHETICAL  asked about, not had ("what if", "in case")   -> Findings.asked_about
  HISTORICAL    before the infusion or long ago               -> not counted
  PAST          days ago; counts as HISTORICAL only when the same sentence says it is over (RESOLVED)
  RESOLVED      "all better", "cleared up": marks a PAST symptom as over (never a recent one alone)
  IDIOM         ordinary words that only look like a symptom ("sick of waiting"): never a symptom
  ANY           (TERMINATE and PSEUDO rows) applies to every category
Directions: FORWARD (the words after), BACKWARD (the words before), BIDIRECTIONAL (both), TERMINATE
(a scope stops here: "no fever but vomiting"), PSEUDO (looks like a trigger, is not one: "not only",
"can't stop vomiting"). A scope also stops at the end of the sentence and never reaches past max_scope.

Who has the symptom (the other-experiencer rules) is decided in `bot/nlp.py` from EXPERIENCER_WORDS
and the cue lists below: a person other than the writer is the patient when the message ties them to
the infusion, someone else only when the message says so; when unsure, the symptom counts.
"""

NEGATED, POSSIBLE, HYPOTHETICAL, HISTORICAL, PAST, RESOLVED, IDIOM, ANY = (
    "NEGATED",
    "POSSIBLE",
    "HYPOTHETICAL",
    "HISTORICAL",
    "PAST",
    "RESOLVED",
    "IDIOM",
    "ANY",
)
FORWARD, BACKWARD, BIDIRECTIONAL, TERMINATE, PSEUDO = "FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"
VERSION = "context-2026.12-3"
SENTENCE = 40  # "to the end of the sentence"

RULES: tuple[tuple[str, str, str, int], ...] = (
    # phrase                                                 category      direction      max_scope
    # --- negated existence
    ("no", NEGATED, FORWARD, 6),
    ("not", NEGATED, FORWARD, 6),
    ("never", NEGATED, FORWARD, 6),
    ("nor", NEGATED, FORWARD, 4),
    ("without [any|]", NEGATED, FORWARD, 6),
    ("none", NEGATED, FORWARD, 4),
    ("nothing", NEGATED, FORWARD, 4),
    ("neither", NEGATED, FORWARD, 6),
    ("zero", NEGATED, FORWARD, 3),
    ("[deny|denies|denied|denying]", NEGATED, FORWARD, 6),
    ("[free of|clear of|absence of|lack of|no sign of|no signs of]", NEGATED, FORWARD, 6),
    ("[no more|no longer|not any|not any more|not anymore]", NEGATED, FORWARD, 6),
    ("[never had|never got|have not had|has not had|did not have|did not get]", NEGATED, FORWARD, 6),
    ("[rather than|instead of]", NEGATED, FORWARD, 4),
    (
        "[is|are|was|seems|seem|looks|look|feels|feel|'s] [fine|ok|okay|normal|good|alright|grand|clear]",
        NEGATED,
        BACKWARD,
        4,
    ),
    ("[free|negative]", NEGATED, BACKWARD, 2),
    # --- possible existence: counts, said with doubt
    ("[maybe|perhaps|possibly|probably|possible|likely]", POSSIBLE, BIDIRECTIONAL, 8),
    ("[might|may|could] [be|have|]", POSSIBLE, FORWARD, 8),
    (
        "[i think|i guess|i suppose|i reckon|think|seems|seem|seems like|feels like|sort of|kind of|kinda|sorta]",
        POSSIBLE,
        FORWARD,
        8,
    ),
    ("[a bit|a little|little bit|slightly|somewhat|a touch|ish]", POSSIBLE, FORWARD, 4),
    ("[not sure|unsure|no idea|do not know|can not tell|hard to say|not certain]", POSSIBLE, BIDIRECTIONAL, SENTENCE),
    ("[worried about|concerned about|scared of|afraid of|worried it is|worried i have]", POSSIBLE, FORWARD, 8),
    ("?", POSSIBLE, BACKWARD, SENTENCE),
    # --- hypothetical: asked about, not had
    ("if", HYPOTHETICAL, FORWARD, SENTENCE),
    # a diagnosis asked about ("is this anaphylaxis??"): the signs the patient describes count, not the name
    ("[is this|could this be|could it be|might this be|can this be|might it be]", HYPOTHETICAL, FORWARD, 3),
    (
        "[in case|just in case|what if|should i get|should i have|should he|should she|should they|in the event]",
        HYPOTHETICAL,
        FORWARD,
        SENTENCE,
    ),
    (
        "[watch for|watch out for|look out for|keep an eye out for|signs of|symptoms of|risk of|risks of]",
        HYPOTHETICAL,
        FORWARD,
        SENTENCE,
    ),
    ("[side effect|side effects|reaction|reactions]", HYPOTHETICAL, BIDIRECTIONAL, 8),
    (
        "[can|could|does|do|will|would|might] [ivig|it|the infusion|immunoglobulin|the drip|this|that] [cause|give|make]",
        HYPOTHETICAL,
        FORWARD,
        SENTENCE,
    ),
    (
        "[what happens|what do i do|what should i do|who do i call|what number do i ring|when should i call|how common are|how common is|is it common to get|do people get|do people usually get|do people usually feel]",
        HYPOTHETICAL,
        FORWARD,
        SENTENCE,
    ),
    ("[next time|for future reference|for the future|in future]", HYPOTHETICAL, BIDIRECTIONAL, SENTENCE),
    # --- historical: before this infusion, or long ago
    (
        "[history of|a history of|in the past|used to [get|have]|as a [child|kid|teenager]|when i was [young|little|a kid|a child]]",
        HISTORICAL,
        FORWARD,
        SENTENCE,
    ),
    (
        "[before|prior to] [my|the|this|her|his|their|] [infusion|ivig|drip|treatment|immunoglobulin]",
        HISTORICAL,
        BIDIRECTIONAL,
        SENTENCE,
    ),
    ("in 1999", HISTORICAL, BIDIRECTIONAL, SENTENCE),  # "in" and any year: "a migraine back in 2019"
    (
        "[years ago|months ago|a year ago|last year|last month|ages ago|a long time ago|long gone|in january|in february|in march|in april|in may|in june|in july|in august|in september|in october|in november|in december]",
        HISTORICAL,
        BIDIRECTIONAL,
        SENTENCE,
    ),
    (
        "[last time|previous infusion|previous infusions|my last infusion|the last infusion|other infusions|past infusions]",
        HISTORICAL,
        BIDIRECTIONAL,
        SENTENCE,
    ),
    (
        "[last week|days ago|the other day|last weekend|a week ago|a few days ago|earlier in the week]",
        PAST,
        BIDIRECTIONAL,
        SENTENCE,
    ),
    (
        "[all better|all cleared up|cleared up|cleared|long gone|all gone|gone now|better now|fine since|fine now|over it|got over it|recovered|resolved|went away]",
        RESOLVED,
        BIDIRECTIONAL,
        SENTENCE,
    ),
    # --- ordinary English that only looks like a symptom (never a symptom, whatever its words)
    (
        "[sick of|sick and tired|sick to death|sick with worry|worried sick|make me sick|makes me sick]",
        IDIOM,
        PSEUDO,
        0,
    ),
    (
        "[a|the|such a|what a] [real|right|total|major|massive|proper|bit of a|] [pain in the|pain in my] [neck|arse|ass|butt|backside|bum]",
        IDIOM,
        PSEUDO,
        0,
    ),
    (
        "[is|was|'s|be|been|what a|such a] [a|] [real|right|total|major|massive|proper|bit of a|] [headache|nightmare|pain]",
        IDIOM,
        PSEUDO,
        0,
    ),
    ("[cough up|coughing up|coughed up] [the|for|some|money|cash|a]", IDIOM, PSEUDO, 0),
    ("[dying to|dying for|dying of boredom|bored to death|killing time|kill time|killing me softly]", IDIOM, PSEUDO, 0),
    (
        "[blood test|blood tests|bloods|blood work|blood results|blood donation|blood type|blood sugar|blood pressure]",
        IDIOM,
        PSEUDO,
        0,
    ),
    ("[in a rush|a rush|rushed off]", IDIOM, PSEUDO, 0),
    (
        "[gave me a heart attack|give me a heart attack|giving me a heart attack|nearly had a heart attack|almost had a heart attack]",
        IDIOM,
        PSEUDO,
        0,
    ),
    ("[wee bit|a wee bit|wee while|a wee while|wee one|wee ones|wee boy|wee girl|wee man]", IDIOM, PSEUDO, 0),
    ("[heart of|at heart|heartburn warning|my heart goes out|bless her heart|bless his heart]", IDIOM, PSEUDO, 0),
    ("[break a leg|pulling my leg|pull your leg|cost an arm and a leg|an arm and a leg]", IDIOM, PSEUDO, 0),
    (
        "[hot water|hot drink|hot tea|cold water|cold drink|hot weather|cold weather|weather is hot|weather is cold]",
        IDIOM,
        PSEUDO,
        0,
    ),
    # --- pseudo-triggers: contain a trigger word, are not one
    (
        "[not only|not just|nothing like|no doubt|not to mention|no wonder|not sure if it is just|cannot wait|can not wait]",
        ANY,
        PSEUDO,
        0,
    ),
    (
        "[not stop|can not stop|will not stop|would not stop|does not stop|not go away|not going away|not get better|not getting better|not improving|not better|no better|not easing|not settle|not settling|no change|not helping|not working|not budging|not shifting|not let up|not letting up]",
        ANY,
        PSEUDO,
        0,
    ),
    ("[not normal|not right|not okay|not ok|not good|not fine|not great|not well]", ANY, PSEUDO, 0),
    (
        "[no i|no ,|no .|no but|no wait|no actually|no it|no its|no they|no he|no she|no my|no the|no now|no we|no im]",
        ANY,
        PSEUDO,
        0,
    ),
    ("[if anything|even if|as if|if so|if that]", ANY, PSEUDO, 0),
    ("[free time|for free|sugar free|gluten free|feel free]", ANY, PSEUDO, 0),
    ("[never mind|nevermind|never been better]", ANY, PSEUDO, 0),
    # a double negative affirms: "I wouldn't say I'm not dizzy", "not that she isn't sore"
    (
        "[would not|could not|can not|will not|do not|did not] say [i am|he is|she is|they are|it is|i was|] not",
        ANY,
        PSEUDO,
        0,
    ),
    ("not that [i am|he is|she is|they are|it is] not", ANY, PSEUDO, 0),
    (
        "[never had|never felt|never experienced|never known] [anything|one|a headache|a pain|pain|it] like",
        ANY,
        PSEUDO,
        0,
    ),
    (
        "[before|prior to] [my|the|this|] [infusion|drip|ivig] [finished|ended|was over|stopped|was done|had finished]",
        ANY,
        PSEUDO,
        0,
    ),
    ("[last time i checked|last time i looked|last i checked|last time i took it]", ANY, PSEUDO, 0),
    ("[answering|answer] [the|my|his|her|] [phone|door|calls|texts|messages|emails]", ANY, PSEUDO, 0),
    # --- terminations: the scope of a trigger stops here
    (
        "[but|however|though|although|except|yet|whereas|while|apart from|aside from|other than|besides|only|just|anyway|anyways]",
        ANY,
        TERMINATE,
        0,
    ),
    ("[and|,|so|because|cause|then|now|also|plus|-|--|(|)|which|who|still]", NEGATED, TERMINATE, 0),
    ("[and|,|so|because|cause|then|also|plus|(|)|which|who]", POSSIBLE, TERMINATE, 0),
    (
        "[but|so|now|right now|at the moment|currently|today|tonight|this morning|since|after|and then|then]",
        HISTORICAL,
        TERMINATE,
        0,
    ),
    ("[but|so|now|right now|at the moment|currently|today|tonight|this morning|since|and now]", PAST, TERMINATE, 0),
    ("[but|so|because|cause|,|and now|right now|at the moment|currently|already|actually]", HYPOTHETICAL, TERMINATE, 0),
    (":", ANY, TERMINATE, 0),
)

# --- who the symptom is about
# A third person; the pronoun recorded as Findings.subject when they turn out to be the patient.
EXPERIENCER_WORDS: dict[str, str] = {
    **dict.fromkeys(
        (
            "he",
            "him",
            "his",
            "himself",
            "husband",
            "hubby",
            "son",
            "boy",
            "dad",
            "daddy",
            "father",
            "brother",
            "grandad",
            "grandpa",
            "granddad",
            "grandfather",
            "grandson",
            "uncle",
            "nephew",
            "boyfriend",
            "fiance",
        ),
        "he",
    ),
    **dict.fromkeys(
        (
            "she",
            "her",
            "hers",
            "herself",
            "wife",
            "daughter",
            "girl",
            "mum",
            "mom",
            "mam",
            "ma",
            "mummy",
            "mommy",
            "mother",
            "sister",
            "nan",
            "nana",
            "gran",
            "granny",
            "grandma",
            "grandmother",
            "granddaughter",
            "aunt",
            "auntie",
            "niece",
            "girlfriend",
            "fiancee",
        ),
        "she",
    ),
    **dict.fromkeys(
        (
            "they",
            "them",
            "their",
            "themselves",
            "partner",
            "child",
            "kid",
            "kiddo",
            "toddler",
            "baby",
            "bub",
            "bubs",
            "teen",
            "teenager",
            "friend",
            "neighbour",
            "neighbor",
            "flatmate",
            "roommate",
            "colleague",
            "spouse",
            "parent",
            "relative",
            "carer",
        ),
        "they",
    ),
}
ANIMAL_WORDS = (
    "dog",
    "dogs",
    "cat",
    "cats",
    "puppy",
    "kitten",
    "pet",
    "pets",
    "horse",
    "rabbit",
    "hamster",
    "budgie",
    "parrot",
    "pup",
)
FIRST_PERSON = ("i", "me", "my", "myself", "mine", "we", "us", "our")
# Words after "my" that name a body part or a thing, not a person ("my head", "my infusion").
INFUSION_WORDS = (
    "infusion",
    "infusions",
    "ivig",
    "ivigs",
    "immunoglobulin",
    "drip",
    "treatment",
    "transfusion",
    "igg",
    "ig",
    "iv",
)
# The message ties a third person to the infusion: then they are the patient.
OTHER_IS_PATIENT = (
    "[his|her|their] [infusion|ivig|drip|treatment|immunoglobulin|transfusion|first infusion|last infusion|next infusion|iv]",
    "[he|she|they] [had|has|have|got|gets|is having|was having|is on|was on|is getting|came home from] [the|an|a|his|her|their|] [infusion|ivig|drip|treatment|immunoglobulin|transfusion]",
    "[on behalf of|writing for|messaging for|asking for|texting for|typing for|for my]",
)
# The message says the other person is not the patient.
OTHER_IS_NOT_PATIENT = (
    "not the one",
    "is not the patient",
    "not the patient",
    "nothing to do with me",
    "[he|she|they|who] [has not|have not|did not|does not|do not|is not|are not|was not|never] [had|have|get|got|been on|on|having|getting|receiving|need] [the|an|a|any|his|her|their|] [infusion|ivig|drip|treatment|immunoglobulin]",
    "[no|not on|not having|not getting] [infusion|ivig|drip|treatment|immunoglobulin] for [him|her|them]",
    "[not on|not having|not getting|not had] [ivig|an infusion|the infusion|infusions|treatment|the treatment]",
)
