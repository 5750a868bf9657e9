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
VERSION = "context-2026.12-16"
SENTENCE = 40  # "to the end of the sentence"

# The things of paperwork and booking a symptom word is said of in a figure of speech ("confused by the forms",
# "my head is spinning with all these forms"): never a body, a treatment or a physical cause.
PAPERWORK = (
    "forms", "form", "paperwork", "letter", "letters", "leaflet", "leaflets", "instructions", "dose", "dosing",
    "doses", "bill", "bills", "website", "app", "appointment", "appointments", "parking", "insurance", "system",
    "times", "schedule", "booking", "email", "emails", "results", "questions", "question", "prescription",
    "directions", "rules", "options", "english", "jargon", "admin",
)  # fmt: skip

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
    # "nothing like a rash" denies; "nothing like my usual migraines" compares (a pseudo-trigger below): a
    # trigger longer than a pseudo-trigger it contains is a trigger
    ("nothing like [a|an|any]", NEGATED, FORWARD, 4),
    ("neither", NEGATED, FORWARD, 6),
    ("zero", NEGATED, FORWARD, 3),
    # nobody who did it: "nobody has fainted", "no one's been sick"; short, so that "nobody knows why she
    # collapsed" still tells the collapse
    ("[nobody|no one|noone|no-one] [has|have|had|'s|is|was|has been|'s been|]", NEGATED, FORWARD, 2),
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
    # a denial denied: "I can't honestly say I'm not short of breath" says that I am
    (
        "[can not|could not|would not] [honestly|really|truly|] say [that|] [i am|he is|she is|they are|it is|i have|he has|she has|he 's|she 's|it 's] not",
        NEGATED,
        PSEUDO,
        0,
    ),
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
    # a reaction happening, not one asked about: "I think I'm having a reaction, my face is swelling"
    (
        "[having|had|got|getting|gotten|get] [a|an|some|some kind of|some sort of|] [allergic|bad|nasty|strong|] [reaction|reactions]",
        ANY,
        PSEUDO,
        0,
    ),
    # what can happen, said of a symptom in general: "headaches can come on later", "a rash may appear"
    (
        "[can|may|might|could] [come on|start|appear|develop|happen|occur|show up|crop up|set in|kick in]",
        HYPOTHETICAL,
        BACKWARD,
        4,
    ),
    (
        "[can|could|does|do|will|would|might] [ivig|it|the infusion|immunoglobulin|the drip|this|that] [cause|give|make]",
        HYPOTHETICAL,
        FORWARD,
        SENTENCE,
    ),
    # what the treatment can do, said as a general fact ("my friend said IVIG can cause seizures", "the infusion can
    # make you tired"): scoped to the two words after, so "... can cause meningitis and my neck is stiff" keeps the neck
    (
        "[ivig|it|the infusion|infusions|immunoglobulin|the drip|this treatment|the treatment] [can|may|might|could|often|sometimes] [cause|causes|give you|make you|lead to|trigger|bring on]",
        HYPOTHETICAL,
        FORWARD,
        2,
    ),
    (
        "[when should i call|how common are|how common is|is it common to get|do people get|do people usually get|do people usually feel]",
        HYPOTHETICAL,
        FORWARD,
        SENTENCE,
    ),
    # "what do I do" asks about a case only with an "if" after it; without one it asks for help now, and a dictated
    # message has no full stop to end it ("what do i do his arms are jerking")
    (
        "[what happens|what do i do|what should i do|who do i call|what number do i ring] [if|when|in case|should]",
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
    # a day named in the past ("vomited on sunday"): days ago, as above
    (
        "[on|last|since] [monday|tuesday|wednesday|thursday|friday|saturday|sunday]",
        PAST,
        BIDIRECTIONAL,
        SENTENCE,
    ),
    (
        "[all better|all cleared up|cleared up|cleared|long gone|all gone|gone now|better now|fine since|fine now|over it|got over it|recovered|resolved|went away|healed|healed up|all healed]",
        RESOLVED,
        BIDIRECTIONAL,
        SENTENCE,
    ),
    # "the nausea has completely settled", "had a headache but it's gone now": the symptom named before it
    # (in its clause, or the clause before when it starts "it's", "that", "they" or nothing) is over, even a
    # recent one -- a mild one only (a red flag that came and went is still a red flag) and never when the
    # words say it is only partly over or back again (RESOLUTION_UNDONE below)
    (
        "[gone now|passed now|passed off|passed already|already passed|has passed|have passed|passed after|passed within|passed before|stopped after|stopped within|stopped before|settled before|went before|settled after|settled within|faded after|faded within|wore off after|went away after|gone away|went away|faded|faded away|has faded|have faded|died down|eased off|calmed down|has gone|have gone|'s gone|is gone|are gone|'re gone|completely gone|totally gone|fully gone|all gone|long gone|gone completely|gone overnight|gone by|gone since|gone this morning|gone today|gone .|gone ,|gone !|settled|settled down|cleared up|cleared|subsided|disappeared|vanished|wore off|worn off|back to normal|back to my old self|back to her old self|back to his old self|back to their old self|back to your old self|back to myself|back to herself|back to himself|back to themselves|nothing since|none since|not since|fine since|all clear|stopped now|has stopped|have stopped]",
        RESOLVED,
        BACKWARD,
        SENTENCE,
    ),
    # the same, said of it: "but that passed", "it went after a good sleep" (not "it went red": AFTER_GONE)
    (
        "[it|that|which|they|this|and] [passed|went|has passed|'s passed|is passed|soon passed|soon went|went off]",
        RESOLVED,
        BACKWARD,
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
        # with its article: "it's a real headache", "what a pain" (not "Mum's headache", a possessive)
        "[is a|was a|'s a|be a|been a|what a|such a|is such a|'s such a] [real|right|total|major|massive|proper|bit of a|] [headache|nightmare|pain]",
        IDIOM,
        PSEUDO,
        0,
    ),
    ("[cough up|coughing up|coughed up] [the|for|some|money|cash|a]", IDIOM, PSEUDO, 0),
    # clothes, a plan or a cannula that fits, not a fit ("the dress is fitting nicely", "fitting in")
    (
        "[is|was|are|were|been|keeps|kept|started|] fitting [well|nicely|fine|in|into|perfectly|properly|snugly|better|ok|okay|me|him|her|them|room]",
        IDIOM,
        PSEUDO,
        0,
    ),
    # a vein that collapses is a hard cannula, not a faint ("my vein collapsed so they tried the other arm")
    (
        "[vein|veins|a vein|the vein] [collapsed|collapse|collapses|collapsing|keeps collapsing|keep collapsing|kept collapsing]",
        IDIOM,
        PSEUDO,
        0,
    ),
    # Australian "spewing": upset about something that went wrong ("I'm spewing, we missed the bus")
    (
        "[so|absolutely|totally|fully|proper|pretty|really] spewing [about|that|because|,|at|with]",
        IDIOM,
        PSEUDO,
        0,
    ),
    ("spewing [about|that|because|at] [i|we|they|it|the|my|missing|having]", IDIOM, PSEUDO, 0),
    ("spewing , [i|we|they] [missed|lost|forgot|could not|did not|have to|had to]", IDIOM, PSEUDO, 0),
    ("[dying to|dying for|dying of boredom|bored to death|killing time|kill time|killing me softly]", IDIOM, PSEUDO, 0),
    # laughter and good health told in words of harm ("nearly died laughing", "fit as a fiddle")
    (
        "[died|dying|die|wet myself|cried|crying|in stitches|split my sides|splitting my sides|choked|choking|howling] [laughing|with laughter|laughing so hard|from laughing]",
        IDIOM,
        PSEUDO,
        0,
    ),
    ("[fit as a fiddle|fit and well|right as rain|fighting fit|never felt better|in fine fettle]", IDIOM, PSEUDO, 0),
    # a heart that skips a beat at a sight or a piece of news; a breath taken away by something lovely
    (
        "[my|his|her|their|our|the|] heart [skipped|missed|skips|misses|skipping|missing] a beat [when i|when we|as soon as i|the moment i] [saw|heard|read|opened|found|looked|realised|realized|noticed|spotted|thought|checked|learned|learnt|won]",
        IDIOM,
        PSEUDO,
        0,
    ),
    (
        "[my|his|her|their|our|the|] heart [skipped|missed|skips|misses|skipping|missing] a beat [at the sight|at the thought|at the news|at the price|at the bill|at the cost|at the prices|seeing|reading|hearing|looking at]",
        IDIOM,
        PSEUDO,
        0,
    ),
    (
        "[my|his|her|their|our|your] heart [sank|sunk|was in my mouth|in my mouth|goes out|went out|melted|melts]",
        IDIOM,
        PSEUDO,
        0,
    ),
    ("[took|takes|take|taking|taken] [my|his|her|their|our|your|the] breath away", IDIOM, PSEUDO, 0),
    # a report asked as a question: "just wondering if it's normal that my right side has gone numb"
    (
        "[wondering|wonder|wondered|checking|asking] [if|whether] [it is|its|it's|this is|that is] [normal|ok|okay|common|usual|expected]",
        ANY,
        PSEUDO,
        0,
    ),
    # eyes rolled AT someone are exasperation, not a fit ("she's rolling her eyes at me")
    ("[rolling|rolled|rolls|roll] [her|his|their|my|your] eyes at", IDIOM, PSEUDO, 0),
    # "stroke" naming a campaign, a place or a team, not a stroke ("like the stroke ads say")
    (
        "stroke [ad|ads|advert|adverts|advertisement|campaign|poster|posters|leaflet|awareness|unit|ward|nurse|clinic|specialist|checklist]",
        IDIOM,
        PSEUDO,
        0,
    ),
    ("[talking|talked|talks|talk] [my|his|her|their|our|your|the] [ear|ears|head] off", IDIOM, PSEUDO, 0),
    ("[sick and tired|sick to death|sick to the back teeth]", IDIOM, PSEUDO, 0),
    (
        "[breathtaking|breath taking|breath-taking|a breath of fresh air|save your breath|hold your breath|don't hold your breath|under my breath|under his breath|under her breath]",
        IDIOM,
        PSEUDO,
        0,
    ),
    (
        "[knocked|knock|knocks|knocking|hit|hitting|hits|smashed|smashing] [it|them|that|this] out of the park",
        IDIOM,
        PSEUDO,
        0,
    ),
    (
        "[knock yourself out|knocked my socks off|knock your socks off|blew me away|blown away|knocked it on the head|knock it on the head]",
        IDIOM,
        PSEUDO,
        0,
    ),
    (
        "[laughed my head off|laughing my head off|cried my eyes out|crying my eyes out|head over heels|off the top of my head|my head is spinning with|get my head around|got my head around|head round|my head around]",
        IDIOM,
        PSEUDO,
        0,
    ),
    (
        "[blood test|blood tests|bloods|blood work|blood results|blood donation|blood type|blood sugar|blood pressure]",
        IDIOM,
        PSEUDO,
        0,
    ),
    ("[in a rush|a rush|rushed off]", IDIOM, PSEUDO, 0),
    (
        "drowning in [a|the|my|his|her|their|our|work|paperwork|bills|debt|emails|forms|admin|laundry|washing|it|them]",
        IDIOM,
        PSEUDO,
        0,
    ),
    # a fright told as a near miss: "the flickering TV nearly gave me a seizure", "almost gave him a heart attack"
    (
        "[nearly|almost|practically|near enough] [gave|give|giving|given] [me|him|her|us|them] [a|] [seizure|fit|stroke|heart attack]",
        IDIOM,
        PSEUDO,
        0,
    ),
    (
        "[gave me a heart attack|give me a heart attack|giving me a heart attack|nearly had a heart attack|almost had a heart attack]",
        IDIOM,
        PSEUDO,
        0,
    ),
    # said to anyone at all ("the prices would give you a heart attack", Scots "enough tae gie ye a heart attack")
    (
        "[give|gives|gie|gies|giving|gave|given] [you|ye|ya|yer|anyone|anybody|someone|somebody|people|a person|folk] "
        "[a|] [seizure|fit|stroke|heart attack|coronary]",
        IDIOM,
        PSEUDO,
        0,
    ),
    ("[wee bit|a wee bit|wee while|a wee while|wee one|wee ones|wee boy|wee girl|wee man]", IDIOM, PSEUDO, 0),
    ("[heart of|at heart|heartburn warning|my heart goes out|bless her heart|bless his heart]", IDIOM, PSEUDO, 0),
    ("[break a leg|pulling my leg|pull your leg|cost an arm and a leg|an arm and a leg]", IDIOM, PSEUDO, 0),
    # talking a lot: "talking the hind legs off a donkey", "talked my ear off"
    ("[talking|talk|talks|talked] [the hind legs|the back legs|my ear|your ear|his ear|her ear] off", IDIOM, PSEUDO, 0),
    (
        "[hot water|hot drink|hot tea|cold water|cold drink|hot weather|cold weather|weather is hot|weather is cold]",
        IDIOM,
        PSEUDO,
        0,
    ),
    # --- pseudo-triggers: contain a trigger word, are not one
    (
        "[not only|not just|nothing like|no doubt|no way this|no way that|no way it|no way is|not to mention|no wonder|not sure if it is just|cannot wait|can not wait]",
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
    # "it's nothing like a normal headache", "feels nothing like a migraine": a comparison, not a denial
    ("[is|'s|was|were|are|feels|feel|felt|looks|look|seems|seem|sounds|been] nothing like", ANY, PSEUDO, 0),
    (
        "nothing like [a|an|any|the] [normal|usual|typical|regular|ordinary|standard|real|proper|other|previous|last|headache i|pain i]",
        ANY,
        PSEUDO,
        0,
    ),
    (
        "[no i|no ,|no .|no but|no wait|no actually|no sorry|no it|no its|no they|no he|no she|no my|no the|no now|no we|no im]",
        ANY,
        PSEUDO,
        0,
    ),
    # a word of the question asked back, no report ("define dark?", "what do you mean by stiff?")
    (
        "[define|what do you mean by|what do you mean|what counts as|what is meant by|how do you define]",
        HYPOTHETICAL,
        FORWARD,
        4,
    ),
    # which limb, not a denial: "my arm, the one without the cannula, is swollen" (the other arm)
    ("[without|with no] [the|a|my|his|her|their|] [cannula|drip|needle|line|iv|port|infusion]", ANY, PSEUDO, 0),
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
    # "it's not that I don't have a rash, I do": a denial of a denial affirms
    ("not that [i|he|she|they|we|you] [do|does|did|have|has|had|am|is|are|was|were|can|could] not", ANY, PSEUDO, 0),
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
    # the present compared with the past: "a mild headache, she says it's like last time", "same as after my
    # last infusion", "tired as usual after my infusions": the symptom is here now, only its kind is familiar
    (
        "[like|just like|same as|the same as|just as|similar to|as|no different to|no different from|no different than] [last time|the last time|before|last infusion|the last infusion|my last infusion|my last one|the last one|previous infusions|my previous infusions|past infusions|my other infusions|other infusions|usual|always|ever|every time|after last time|after the last one|after my last infusion|after the last infusion|after my last one|after my infusions|after every infusion|after each infusion|with my last infusion|with the last infusion]",
        ANY,
        PSEUDO,
        0,
    ),
    (
        "[as usual|as always|as per usual|like always|like usual|like every time|same as always|same as usual|same old] [after|with|following|when i have|when i get] [my|the|an|each|every|] [infusion|infusions|ivig|drip|drips|treatment|treatments]",
        ANY,
        PSEUDO,
        0,
    ),
    # "he was fine before the infusion": what is wrong now is new, not from before
    (
        "[was|were|been|is|felt|feeling|completely|perfectly|totally|absolutely|quite] [fine|ok|okay|normal|well|good|alright|grand|himself|herself|themselves|myself] [before|prior to|until|till|up to] [the|his|her|my|their|this|] [infusion|drip|ivig|treatment|immunoglobulin]",
        ANY,
        PSEUDO,
        0,
    ),
    ("[answering|answer] [the|my|his|her|] [phone|door|calls|texts|messages|emails]", ANY, PSEUDO, 0),
    # --- terminations: the scope of a trigger stops here
    (
        "[but|however|though|although|except|yet|whereas|while|apart from|aside from|other than|besides|only|just|anyway|anyways]",
        ANY,
        TERMINATE,
        0,
    ),
    ("[and|,|so|because|cause|then|now|also|plus|-|--|—|–|(|)|which|who|still]", NEGATED, TERMINATE, 0),
    ("[and|,|so|because|cause|then|now|also|plus|-|--|(|)|which|who|still|after]", RESOLVED, TERMINATE, 0),
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
    # --- well until the infusion: "he was fine before the infusion", "right as rain until the drip" says the
    # symptom is new, no history
    (
        "[fine|well|normal|ok|okay|alright|good|grand|great|sharp|herself|himself|myself|themselves|independent|"
        "rain|fiddle|fit|healthy|perfect|chirpy|bright|lively|tickety-boo|tickety boo|with it] "
        "[before|until|till|prior to|up until|up to]",
        ANY,
        PSEUDO,
        0,
    ),
    # --- puzzled by a thing, not the sign: "just confused by the forms", "a bit confused about the dose"
    (
        "[confused|confusing|baffled|muddled] [by|about|with|over] [the|these|this|those|that|my|your|all|all the|a|an|] "
        "[" + "|".join(PAPERWORK) + "]",
        IDIOM,
        PSEUDO,
        0,
    ),
    # --- which limb, not a denial: "my right arm - not the drip arm - is puffy" (body_systems.NOT_THE_BODY too)
    ("not [the|my|his|her] [drip|cannula|needle|iv|infusion|line] [arm|hand|side|one|leg]", ANY, PSEUDO, 0),
    # --- well but for what was said: "bright red in the face, feel fine otherwise" keeps the flushing
    (
        "[is|are|was|seems|seem|looks|look|feels|feel|felt|'s|am|] [fine|ok|okay|well|good|alright|grand|normal] [otherwise|in myself|in himself|in herself|in themselves|"
        "apart from that|other than that|aside from that|besides that|except for that|apart from this|other than this]",
        ANY,
        PSEUDO,
        0,
    ),
    # --- talk of a topic is an opinion, not nonsense speech: "he's talking rubbish about the football"
    (
        "[talking|talks|talk|spouting|speaking] [nonsense|rubbish|drivel|twaddle|garbage|tosh] [about|on about|re]",
        IDIOM,
        PSEUDO,
        0,
    ),
)

# --- rules about the rules (each read by bot/nlp.py's ContextMatcher or `status`)
# A HISTORICAL or PAST time said in a clause with its own subject dates that clause's event only, not the
# clause before it ("she doesn't know what day it is, she retired 20 years ago"), unless the clause points
# back to what was said ("vomiting, I had that years ago").
OWN_EVENT_SUBJECTS = ("i", "he", "she", "we", "you")
DATED_POINTING_BACK = ("it", "this", "that", "one", "them", "those", "these", "both", "same")
# A RESOLVED (BACKWARD) phrase with no symptom before it in its clause, only these words ("but it's
# totally gone now", ", completely gone this morning"), speaks of the clause before it.
# Words that stand for a thing named before ("It hit me out of nowhere", "a tight band squeezing round it").
POINTING_BACK = ("it", "this", "that")
REFERS_BACK = (
    *POINTING_BACK,
    "its",
    "it's",
    "thats",
    "that's",
    "they",
    "these",
    "those",
    "both",
    "all",
    "everything",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "been",
    "'s",
    "s",
    "'re",
    "'ve",
    "completely",
    "totally",
    "fully",
    "now",
    "since",
    "pretty",
    "much",
    "quite",
    "entirely",
    "but",
    "and",
    "then",
    "right",
    "finally",
    "basically",
    "well",
    "up",
    "days",
    "ago",
    "hours",
    # a time of day before it: "but this morning all gone", "by tonight it had settled"
    "morning",
    "today",
    "tonight",
    "overnight",
    "evening",
    "afternoon",
    "by",
)
# A "gone" followed by another word is over only when the word is one of these ("it's gone now"); any
# other tells a change ("his lips have gone blue", "my arm's gone numb").
AFTER_GONE = (
    "now",
    "away",
    "completely",
    "totally",
    "fully",
    "entirely",
    "since",
    "overnight",
    "by",
    "this",
    "today",
    "after",
    "and",
    "but",
    "so",
    "though",
    "thanks",
    "thank",
    "already",
    "again",
    "as",
    "within",
    "in",
    "thankfully",
    "luckily",
    "off",
    "down",
    "for",
    "tonight",
    "yesterday",
    "last",
    "earlier",
    "lol",
    "haha",
    "x",
    "xx",
)
# ...and the resolution is undone by these words next to it or later in its sentence.
RESOLUTION_UNDONE = (
    "[not|never|almost|nearly|mostly|partly|partially|somewhat|a bit|a little|slightly|kind of|sort of|half]",  # just before
    "[a bit|a little|slightly|somewhat|mostly|partly|a touch]",  # just after ("settled a bit")
    "[came back|come back|comes back|coming back|back again|returned|returning|is back|'s back|are back|started again|starting again|again|reappeared|flared|flaring|worse|worsening]",  # later
)
# ... but "again" or "back" said of being well is the end of it: "feeling myself again", "she's eating again",
# "she's back to her crossword"
WELL_AGAIN = (
    "[myself|herself|himself|themselves|yourself|fine|well|normal|ok|okay|good|better|great|grand|eating|drinking|"
    "sleeping|playing|laughing|smiling|chatty|up and about|on my feet|on her feet|on his feet] again",
    "[is|'s|are|'re|was|am|'m] back to",
)

# A denial hedged by a qualifier later in its sentence is no denial: "I wouldn't say I'm breathless
# exactly", "can't say my chest hurts, it's more like a squeezing" (the symptom counts, said with doubt).
# The same words without a qualifier deny ("I can't say I've had a headache").
HEDGED_DENIALS = ("[would not|could not|can not|will not|do not|did not|would never] say",)
HEDGE_QUALIFIERS = ("[exactly|as such|per se|more like|more of|more a|so much as|rather|as in|more that]",)

# A denial taken back at once: "I'm not vomiting, well, I was once", "no fever -- actually I do". A
# NEGATED trigger followed in its sentence, at most 3 words after its scope, by one of these is withdrawn.
RETRACTIONS = (
    "[well|oh|ok|okay|hmm|um|erm] [,|] [i|he|she|they|we|it] [was|were|did|have|had|am|is|are|do|does|has|kind of|sort of|actually]",
    "[well|oh|no|wait] [,|] actually",
    "actually [,|] [i|he|she|they|we] [was|were|did|have|had|am|is|are|do|does|has]",
    "[scratch that|or rather|i mean i|wait i|hang on i]",
)

# Words of a RESOLVED phrase that read like a sign to the learned layer ("that passed": passing out); it reads
# the message without them (bot/nlp.py `without_idioms`). The other words of an ending ("fine since") stay.
ENDING_LIKE_A_SIGN = ("passed", "went")

# The days of the week (a PAST row): a day's name may be yesterday, so an emergency then said to be over still counts.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# A word taken back as soon as said: these, starting the clause after it, deny the clause before ("I'm burning
# up - well, not really, the thermometer says 37.5").
TAKEN_BACK = ("[well|ok|okay|actually|or|erm|um] [,|] [not really|not quite|not exactly|no not really]",)

# "Is it an allergy if my lips are swollen?": an "if" after a question about what something is, followed by
# a state said in the present, tells the patient's state; it is no hypothesis ("what if my lips swell?",
# "is it normal if I get a headache later?" still are).
STATED_CONDITION_QUESTIONS = (
    "[is it|is this|is that|would it be|could it be|does it mean|does that mean|should i worry|should i be worried|do i need to worry|is it serious|is it bad]",
)
PRESENT_STATE = (
    "am",
    "is",
    "are",
    "has",
    "have",
    "'s",
    "'re",
    "'ve",
    "'m",
    "feel",
    "feels",
    "look",
    "looks",
    "keep",
    "keeps",
    "can",
    "cannot",
    "been",
    "still",
    "now",
)

# "what if this headache gets worse?": in a hypothetical clause, a symptom said with one of these before it
# exists now; what is asked about is its trend (a trend word in the clause does not count).
EXISTING = ("this", "these", "my", "his", "her", "their", "our")
# Several temperatures in one message ("Fever's gone, was 37.8 yesterday, today 36.7"): the words in a reading's
# clause tell when it was taken. An earlier reading is left out only when a reading taken now is normal (under
# bot/triage.py RAISED_FROM_C) AND the message says the fever is over (a RESOLVED phrase above, or one of
# READING_OVER); otherwise the highest reading counts ("38.9 last night, 37.9 now": 38.9).
READING_NOW = (
    "now",
    "currently",
    "right now",
    "at the moment",
    "at present",
    "just now",
    "since",
)  # "36.8 since yesterday"
READING_TODAY = ("today", "this morning", "this afternoon", "this evening", "tonight")  # now, unless said "was"
READING_BEFORE = ("was", "were", "had", "yesterday", "last night", "earlier", "overnight", "peaked", "went up to")
# A reading yet to come, asked about ("if I get a temperature over 38", "like if I hit 38?"): no reading had.
# Only with one of these words of becoming: "if my temp is 38.5, should I worry?" is a reading had.
READING_TO_COME = (
    "get", "gets", "hit", "hits", "reach", "reaches", "goes", "go", "rise", "rises", "spike", "spikes",
    "develop", "develops", "run", "runs", "climb", "climbs", "creep", "creeps", "shoot", "shoots",
)  # fmt: skip
READING_OVER = ("normal", "normal now", "back to normal", "gone", "settled")

# --- who the symptom is about
# A third person; the pronoun recorded as Findings.subject when they turn out to be the patient.
# "No" before a subject is an answer, not a negation of what follows: "no she's breathing normally".
NO_AS_AN_ANSWER_BEFORE = ("i", "she", "he", "they", "we", "you", "it", "my", "his", "her", "their", "our")
# "They" doing the care is the staff, not a person with symptoms: "the spot where they put the line in is sore",
# "they said it was normal".
STAFF_ACTS = (
    "put",
    "gave",
    "give",
    "inserted",
    "took",
    "started",
    "stopped",
    "slowed",
    "used",
    "fitted",
    "removed",
    "changed",
    "checked",
    "told",
    "said",
    "sent",
    "ran",
    "hooked",
    "connected",
    "flushed",
    "tried",
    "did",
    "couldn't",
    "could",
    "stuck",
    "poked",
    "jabbed",
    "cannulated",
    "bled",
)
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
            "bf",
            "hubs",
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
            "gf",
            "missus",
            "wifey",
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
# A thing that "is giving me a headache" (a form, the bill, the kids) is an idiom, unless its sentence names
# a part of the body, the treatment or a physical cause that really can (LITERAL_CAUSES):
# "this light is giving me a headache", "the infusion's given me a headache" are the patient's.
CONDITIONAL_IDIOMS = (
    "[is|are|'s|'re|was|were|keeps|kept|been|be] [giving|gave|given|give] me [a|] [real|right|total|major|massive|proper|bit of a|splitting|terrible|awful|blinding|pounding|raging|huge|big|] headache",
    "[made|makes|make|making] my head [spin|swim|hurt|ache|big|explode|pound]",
    "[is|are|was|were|'s|'re] [doing|done] my head in",
    # other Englishes' figures: "the insurance letter gives me nosebleed" (Filipino English)
    "[gives|give|gave|given|giving] me [a|] [nosebleed|nosebleeds|nose bleed|migraine]",
)
# The same said with its cause after it: an idiom when the rest of its sentence names paperwork (PAPERWORK) and
# nothing that really can cause it ("my head's spinning with all these forms"; not "... from standing up").
PAPERWORK_AFTER_IDIOMS = (
    "[my|the] head [is|'s|] [spinning|swimming|exploding|pounding|hurting|aching|going round|big] [with|from|over|because of|trying to|reading]",
)
# A thing "giving me a headache" that really can: said of a part of the body, the treatment or a physical
# cause, the headache is the patient's ("this light is giving me a headache"), not an idiom.
LITERAL_CAUSES = (
    "light",
    "lights",
    "sun",
    "sunlight",
    "brightness",
    "screen",
    "screens",
    "noise",
    "noises",
    "heat",
    "smell",
    "smells",
    "glare",
    "infusion",
    "ivig",
    "drip",
    "immunoglobulin",
    "treatment",
    "medicine",
    "medication",
    "meds",
    "tablets",
    "pills",
    "drug",
    "drugs",
    "dehydration",
    "fever",
    "temperature",
    "cold",
    "flu",
    "virus",
    "sinus",
    "sinuses",
    "neck",
    "eyes",
    "eye",
    "head",
    "teeth",
    "jaw",
    "caffeine",
    "coffee",
    "wine",
    "alcohol",
    "hangover",
    "lack",
    "sleep",
    "hunger",
    "migraine",
)
# ...but not one that only says what the thing is about ("the claim form for my IVIG", "the bill of the drip").
OF_SOMETHING = ("for", "about", "of", "on", "re", "regarding", "with", "from", "to")
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
    "[he|she|they|who|] [had|has|have|got|gets|is having|was having|is on|was on|is getting|came home from] [the|an|a|his|her|their|] [infusion|ivig|drip|treatment|immunoglobulin|transfusion]",
    "[on behalf of|writing for|messaging for|asking for|texting for|typing for|for my]",
    # how they are after it: "he is well after the IVIG", "she's been tired since her infusion"
    "[he|she|they] [is|'s|was|are|'re|seems|seem|feels|feel|looks|look|has been|'s been|have been] [fine|well|ok|okay|good|great|grand|alright|tired|poorly|unwell|] [after|since|following] [the|his|her|their|] [infusion|ivig|drip|treatment|immunoglobulin]",
)
# The writer is the patient: someone came with them, "I'm the one on IVIG".
WRITER_IS_PATIENT = (
    "i am the one [who|that|on|having|getting|receiving]",
    "i am the one with the [infusion|ivig|drip|treatment|immunoglobulin]",  # not "the one with a migraine"
    # "I had mine yesterday", "I've had one too": the writer had an infusion as well
    "i [had|have had|got|am having|was having] [mine|my own|one too|it too|one as well|it as well|mine too]",
    "i am the [patient|one being treated]",
    "[came|come|comes|coming|is|was|sat|sitting|stayed|staying] with me",
    "[drove|brought|drives|brings|bringing|driving|dropped] me",
    "[picked|picks] me up",
    # a guest of the writer's: "my sister who's visiting", "my mum is staying with us"
    "[is|are|was|were] [visiting|staying with] [me|us|]",
    "[visiting|staying with] [me|us]",
)
# The writer's own medicine offered to someone else ("can she take my paracetamol?"): the writer is the patient
# only when the message also says the writer is well (WRITER_IS_FINE); a carer may share their tablets too.
WRITER_MEDICINE = (
    "[take|have|borrow|use|try|share|give her|give him|give them] [some of|one of|any of|a couple of|] my [paracetamol|ibuprofen|tablets|tablet|pills|pill|meds|medication|medicine|medicines|painkillers|tylenol|advil|antihistamine|antihistamines|piriton|cetirizine|calpol|nurofen|prescription]",
)
# The writer only looks after the patient: "I'm mum's carer", "I care for my dad" (with a patient tied to the
# infusion, the writer's own complaints are not the patient's: bot/nlp.py `experiencer`).
WRITER_IS_CARER = (
    "[i am|i'm|im|as] [the|his|her|their|a|my|mum's|mom's|dad's|his main|her main|] carer",
    "i [care for|look after|am looking after|am caring for] [him|her|them|my]",
    # a complaint said to be the writer's own, apart from the patient's: "I've got a cold myself", "I myself
    # have a fever" (not "not feeling myself", which is how one feels: `FEELING_MYSELF`)
    "myself",
)
FEELING_MYSELF = ("feel", "feels", "feeling", "felt", "be", "like", "to", "quite", "at")
# The one who had the infusion said to be well: "she's totally fine", "he is well after the IVIG" (the same).
OTHER_IS_FINE = (
    "[he|she|they] [is|'s|are|'re|was|seems|seem|looks|look] [totally|absolutely|completely|perfectly|really|doing|all|] [fine|well|ok|okay|good|great|grand|alright|all right]",
)
WRITER_IS_FINE = (
    "i am [fine|ok|okay|good|alright|all right|grand|well|great]",
    "i [feel|felt] [fine|ok|okay|good|alright|all right|grand|well|great|normal]",
    "i am feeling [fine|ok|okay|good|alright|all right|grand|well|great|normal]",
    "[nothing wrong with me|i have no symptoms|i do not have any symptoms]",
)
# Relation words that may name the same person ("my son ... the boy"): never told apart.
SAME_PERSON = (
    ("son", "boy", "lad", "kid", "child"),
    ("daughter", "girl", "kid", "child"),
    ("husband", "hubby", "partner", "spouse", "boyfriend", "fiance"),
    ("wife", "partner", "spouse", "girlfriend", "fiancee"),
    ("mum", "mom", "mam", "ma", "mummy", "mommy", "mother", "parent"),
    ("dad", "daddy", "father", "parent"),
    ("grandad", "grandpa", "granddad", "grandfather"),
    ("nan", "nana", "gran", "granny", "grandma", "grandmother"),
)
# People who are not family: never the patient seen by someone else ("my daughter's friend").
NOT_FAMILY = (
    "friend",
    "neighbour",
    "neighbor",
    "flatmate",
    "roommate",
    "housemate",
    "colleague",
    "carer",
    "boss",
    "coworker",
    "classmate",
    "teacher",
    "visitor",
)
# Words that may stand for anyone named before ("the baby", "the kid"): never another person by themselves.
ANYONE = (
    "child",
    "kid",
    "kiddo",
    "toddler",
    "baby",
    "bub",
    "bubs",
    "teen",
    "teenager",
    "partner",
    "spouse",
    "parent",
    "relative",
    "boy",
    "girl",
    "they",
    "them",
    "their",
    "themselves",
)
# The message says the other person is not the patient.
OTHER_IS_NOT_PATIENT = (
    # a person who is not the one ("she's not the one on IVIG"); not an arm ("the other arm, not the one with the drip")
    "[he|she|they|who] [is|'s|are|'re|was|were] not the one",
    "is not the patient",
    # "my son, not the one on IVIG, has a temperature"
    # (a person's verbs: "the other arm, not the one with the drip" is an arm)
    "not the one [having|getting|receiving|who had|who has|who is having|that had|who is on] [the|an|a|his|her|their|] [ivig|infusion|drip|treatment|immunoglobulin|infusions]",
    "not the one on [ivig|immunoglobulin|infusions]",
    "not the patient",
    "nothing to do with me",
    "[he|she|they|who] [has not|have not|did not|does not|do not|is not|are not|was not|never] [had|have|get|got|been on|on|having|getting|receiving|need] [the|an|a|any|his|her|their|] [infusion|ivig|drip|treatment|immunoglobulin]",
    "[he|she|they|who] [s|'s|has|have|'ve] [not|never] [had|been on|got|been given] [the|an|a|any|his|her|their|] [infusion|ivig|drip|treatment|immunoglobulin]",
    "[no|not on|not having|not getting] [infusion|ivig|drip|treatment|immunoglobulin] for [him|her|them]",
    "[not on|not having|not getting|not had] [ivig|an infusion|the infusion|infusions|treatment|the treatment]",
    "[i|we] [have not|did not|do not|am not|was not|never] [had|have|get|got|been on|on|having|getting|receiving] [the|an|a|any|] [infusion|ivig|drip|treatment|immunoglobulin]",
)
