"""The rule layer's general mechanisms, each in words of our own (not an evaluation set's): pain scores,
sudden onset, lifetime superlatives, breathlessness too bad to talk, colour, consciousness, a rash on many
parts of the body, a swollen arm that is not the drip's, the heart, balance, jaundice, clammy skin,
double negatives and the other forms of a table's words."""

import pytest

from bot.findings import extract
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from bot.nlp import excluded, load
from bot.triage import assess


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("my head hurts, 9 out of 10", "severe_headache"),
        ("headache, a solid 8/10", "severe_headache"),
        ("headache ten out of ten", "worst_headache"),
        ("the headache hit me instantly, like a bomb going off", "worst_headache"),
        ("the most painful headache of my life", "worst_headache"),
        ("so short of breath I can only say two words at a time", "severe_breathing_difficulty"),
        ("he's too breathless to talk", "severe_breathing_difficulty"),
        ("her breathing is awful, she can't lie down, it's like she's suffocating", "severe_breathing_difficulty"),
        ("her fingertips have gone dusky", "blue_lips"),
        ("the baby is going blue", "blue_lips"),
        ("he fell and is not coming round", "fainting"),
        ("she was not with us for a minute or so", "fainting"),
        ("frothing at the mouth and shaking", "seizure"),
        ("his leg keeps jerking and twitching", "seizure"),
        ("she doesn't recognise who we are", "confusion"),
        ("he is not making much sense", "confusion"),
        ("spots of rash on his chest, back, neck and legs", "severe_rash"),
        ("covered in a red rash", "severe_rash"),
        ("my other arm is swollen and hot, not the drip one", "swollen_painful_limb"),
        ("my knee is puffy and hot", "swollen_painful_limb"),
        ("my pulse is hammering", "palpitations"),
        ("the room keeps tilting", "dizziness"),
        ("the whites of her eyes look mustard coloured", "jaundice"),
        ("I'm cold and clammy", "clammy_skin"),
        ("breathing is heavier than normal", "breathing_difficulty"),
        ("my chest aches", "chest_tightness"),
        ("I can't say I'm not nauseous", "nausea"),
        ("my head is thumping and I can't bear the light", "light_sensitivity"),
        ("she's gone all floppy", "fainting"),
        ("he couldn't remember his wife's name this morning", "confusion"),
        ("no wet nappies all afternoon", "little_or_no_urine"),
        ("feels like he might keel over", "dizziness"),
        ("his mouth is pulled down on one side", "stroke_signs"),
        ("we can't rouse her", "fainting"),
        ("he's out cold", "fainting"),
        ("I feel really faint", "dizziness"),
        ("I can't really catch my breath", "breathing_difficulty"),
        ("she has a very stiff neck", "neck_stiffness"),
        ("every breath is a battle. I can barely talk", "severe_breathing_difficulty"),
        ("tight chest. the pain goes into my jaw", "crushing_chest_pain"),
        ("she has gone a grey colour", "clammy_skin"),
        ("his arm on one side keeps twitching", "seizure"),
        ("the baby is limp", "fainting"),
        ("he won't open his eyes", "fainting"),
        ("mum doesn't recognise me", "confusion"),
        ("I get puffed out on the stairs", "breathing_difficulty"),
        ("finger monitor reads 90", "low_oxygen"),
        ("pulse 90, no, now 140", "fast_heart_rate"),
        ("my wife she is grey and sweating, pain in chest", "clammy_skin"),
        ("my grandmother is not knowing who she is", "confusion"),
        ("he asks me where am i", "confusion"),
        ("the eyes are rolling up and his arms are jerking", "seizure"),
        ("my sister is not able to breath", "severe_breathing_difficulty"),
        ("breathless and she can not say the words", "severe_breathing_difficulty"),
        ("his mouth one side is falling and the hand has no strength", "stroke_signs"),
        ("my son is fitting, he had the I've Ig today", "seizure"),
        ("so breathless I can only say few words", "severe_breathing_difficulty"),
        ("I can't get any air in", "severe_breathing_difficulty"),
        ("my husband says I'm walking oddly", "dizziness"),
        ("he is fighting for each breath", "severe_breathing_difficulty"),
        ("half of her body has gone numb", "stroke_signs"),
        ("right leg swollen and hot, the drip was in my left arm", "swollen_painful_limb"),
        ("my left arm is puffy and hot, they put the drip in the right one", "swollen_painful_limb"),
        # disorientation in time, place and person, and nonsense speech
        ("since this morning he keeps talking nonsense and can't tell us what month it is", "confusion"),
        ("she insists it's 1988 and that her mum is coming for tea", "confusion"),
        ("my gran is spouting gibberish", "confusion"),
        ("it's like word salad when he tries to answer", "confusion"),
        ("I couldn't tell which house was mine on my own road", "confusion"),
        ("nothing seemed familiar when I woke up", "confusion"),
        ("she was perfectly well before the drip and now doesn't recognise her own kitchen", "confusion"),
        # speech cut to a count of words, every breath hard work, stopping for air
        ("wheezing, I can only get a couple of words out at a time", "severe_breathing_difficulty"),
        ("short of breath, can't get more than three words out", "severe_breathing_difficulty"),
        ("each breath is such hard work", "severe_breathing_difficulty"),
        ("struggling... to breathe", "severe_breathing_difficulty"),
        ("cant. breathe. help", "severe_breathing_difficulty"),
        ("I keep having to stop to catch my breath", "breathing_difficulty"),
        ("halfway up the hill I had to get my breath back", "breathing_difficulty"),
        ("he couldn't get any air", "breathing_difficulty"),
        # a severe headache can be the worst: onset or a superlative said in the next sentence, nothing compares
        ("A pounding headache. It came on in an instant.", "worst_headache"),
        ("a terrible headache, nothing I've had before comes close", "worst_headache"),
        ("this is no ordinary headache, it exploded out of the blue", "worst_headache"),
        ("excruciating headache, the worst pain of my entire life", "worst_headache"),
        ("this isn't my usual headache", "severe_headache"),
        # a sign asked about in a question of what it means
        ("could it be the IVIG if her cheeks have puffed up?", "throat_or_face_swelling"),
        ("is it normal if I'm dizzy after the drip?", "dizziness"),
        # a collapse in other words
        ("her knees buckled and she ended up on the kitchen floor", "fainting"),
        ("he went down in a heap in the garden", "fainting"),
        ("I've no recollection of falling", "fainting"),
        ("woke up on the carpet with no idea how", "fainting"),
        ("my legs just went from under me", "fainting"),
        # the chest held, or a band round it
        ("she keeps rubbing her chest", "chest_tightness"),
        ("it feels like a belt pulled tight across my chest", "chest_tightness"),
        ("my chest doesn't hurt as such, it's like something heavy pressing on it", "chest_tightness"),
        # the mild systems in other words
        ("her cheeks have gone scarlet since the drip", "flushing"),
        ("my hand is sore and puffy. It's only where the cannula went in", "infusion_site_irritation"),
        ("my arm is swollen and hot. The drip site looks fine", "swollen_painful_limb"),
        # what a pain feels like is no mark on the skin: the chest row's skin words in a simile
        ("my ribs ache, as if they were bruised", "chest_tightness"),
        ("a dull ache in my chest, like bruising deep inside", "chest_tightness"),
        # a normal function said not to happen: no urine passed, food not kept down, who one is asked
        ("he hasn't passed urine since this morning", "little_or_no_urine"),
        ("not passing water much today", "little_or_no_urine"),
        ("she isn't keeping her fluids down", "vomiting"),
        ("I couldn't keep my soup down", "vomiting"),
        ("grandad asked my sister who she is", "confusion"),
        ("mum keeps asking which house she's in", "confusion"),
        ("tight chest and it goes into my jaw", "crushing_chest_pain"),
        ("I haven't had a wee since breakfast", "little_or_no_urine"),
        ("my wee is dark brown", "dark_urine"),
        ("the drip site on the back of his hand is red and a bit puffy", "infusion_site_irritation"),
        ("he's all goosebumps and can't get warm", "chills"),
        ("I'm cold and trembling under the duvet", "chills"),
        ("every breath is a struggle, I can only get a few words out", "severe_breathing_difficulty"),
        ("every breath is hard work and I can barely talk", "severe_breathing_difficulty"),
    ],
)
def test_a_general_mechanism_reads_the_sign(text, symptom):
    assert symptom in extract(text).symptoms


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("my headache is 2 out of 10", "severe_headache"),
        ("best I've ever had it, just a slight headache", "worst_headache"),
        ("the bruise from the needle went blue", "blue_lips"),
        ("a rash on my arm", "severe_rash"),
        ("I can't talk right now, my breathing is fine", "stroke_signs"),
        ("the drip arm is a bit swollen", "swollen_painful_limb"),
        ("a fitting end to a long day", "seizure"),
        ("I can only say a word or two in French", "severe_breathing_difficulty"),
        ("I went down to the shop for bread", "fainting"),
        ("the swelling on my arm went down in the night", "fainting"),
        ("I was holding his chest of drawers while he moved house", "chest_tightness"),
        ("holding the baby against my chest, she's feeding well", "chest_tightness"),
        ("I remember tripping and hitting the floor", "fainting"),
        ("I don't remember falling asleep", "fainting"),
        ("my knee gave way, it's an old football injury", "fainting"),
        ("I don't know which room the clinic is in", "confusion"),
        ("the rash doesn't look familiar to me", "confusion"),
        ("I'm sure it was 2019 when I last had this rash", "confusion"),
        ("he's talking rubbish about the football again", "confusion"),
        ("the wee man's cheeks are red", "dark_urine"),
        ("my hand is sore and puffy where the cannula went in", "swollen_painful_limb"),
        ("my arm is red and puffy!! oh, it's just where the drip was", "swollen_painful_limb"),
        ("what should I do if my lips swell?", "throat_or_face_swelling"),
        ("is it bad if my lips get puffy later on?", "throat_or_face_swelling"),
        ("I don't have my usual headache today", "headache"),
        ("a severe headache, the worst I've had in years, it crept up slowly", "worst_headache"),
        ("a splitting headache and I've been sick, the worst night ever", "persistent_vomiting"),
        ("my chest is fine. It's my head, like a tight band round it", "chest_tightness"),
        ("a tight band squeezing round my chest", "crushing_chest_pain"),
        ("there's a bruise on my chest, it's a bit sore", "chest_tightness"),  # a mark that is there
        ("he's passed urine normally all day", "little_or_no_urine"),
        ("I kept my dinner down fine", "vomiting"),
        ("we asked which hotel we're staying in for the conference", "confusion"),
        # a serious form denied in other words: it does not go to the arm, nothing like it, talking fine
        ("my chest is tight but it doesn't go into my jaw or down my arm", "crushing_chest_pain"),
        ("my head is pounding but it's nothing like a thunderclap", "worst_headache"),
        ("every breath takes effort, but I can still talk fine", "severe_breathing_difficulty"),
        # Scots "wee" is small; a severity word negated is none; what can happen in general is no symptom
        ("a wee headache, nothing much", "little_or_no_urine"),
        ("a wee bit of a rash on my arm, nothing since this morning", "little_or_no_urine"),
        ("a headache, nothing terrible", "severe_headache"),
        ("the soup went cold", "chills"),
        ("I can talk and climb the stairs without getting out of breath", "stroke_signs"),
        ("I can talk and climb the stairs without getting out of breath", "breathing_difficulty"),
        ("drip site a bit red, both legs are fine", "swollen_painful_limb"),
        ("the nurse said a rash can come on later", "rash"),
    ],
)
def test_the_mechanism_does_not_invent_the_sign(text, symptom):
    assert symptom not in extract(text).symptoms


@pytest.mark.parametrize(
    "text, level",
    [
        ("tight chest and I'm grey and sweaty", EMERGENCY),
        ("a bit short of breath and clammy", EMERGENCY),
        ("I feel clammy", CALL_DOCTOR_NOW),
        ("a rash on my arm", MANAGE_AT_HOME),
    ],
)
def test_clammy_skin_with_chest_pain_or_breathlessness_is_an_emergency(text, level):
    assert assess(extract(text)).level == level


@pytest.mark.parametrize(
    "text, level",
    [
        ("he's gone grey and he's clutching his chest", EMERGENCY),
        ("Mum went down in the hallway and doesn't remember hitting the floor", EMERGENCY),
        ("my father was himself before the infusion, now he doesn't know who we are", EMERGENCY),
        ("little one's cheeks are rosy after the infusion, otherwise playing happily", MANAGE_AT_HOME),
        ("my arm is sore and red!!! oh wait, it's only where the needle went in", MANAGE_AT_HOME),
        ("I had a headache before my infusion, none since", None),
    ],
)
def test_the_new_readings_give_the_level(text, level):
    assert assess(extract(text)).level == level


@pytest.mark.parametrize(
    "text, level",
    [
        ("my finger monitor says my oxygen is 89%", EMERGENCY),
        ("sats 93 on the pulse ox", CALL_DOCTOR_NOW),
        ("oxygen 98, all fine, just a mild headache", MANAGE_AT_HOME),
        ("pulse 132 and I'm just sitting here", CALL_DOCTOR_NOW),
        ("heart rate 76, slight headache", MANAGE_AT_HOME),
    ],
)
def test_numbers_from_a_home_device_are_read(text, level):
    assert assess(extract(text)).level == level


def test_the_learned_layer_reads_the_message_without_its_idioms():
    from bot.nlp import load, without_idioms

    assert "wee" not in without_idioms(load()("a wee bit shivery since the drip"))
    assert "wee" in without_idioms(load()("haven't had a wee since this morning"))


@pytest.mark.parametrize(
    "text, pronoun",
    [
        ("my daughter's temp is 38.6 after her IVIG", "her"),
        ("my son had ivig this morning and now his lips are swelling", "his"),
        ("my mum had her infusion yesterday, she has a headache", "her"),
    ],
)
def test_a_carer_is_told_about_the_person_they_write_for(text, pronoun):
    from bot.advice import message_for
    from bot.settings import load_settings

    findings = extract(text)
    words, _ = message_for(assess(findings), findings, load_settings())
    assert f"causing {pronoun} symptoms" in words
    _headline, *rest = words.splitlines()  # "Call your doctor now" is the contract's headline
    assert not [line for line in rest if "your " in line.lower()], rest


def test_busy_is_not_breathless_and_feeling_unwell_is_a_complaint():
    assert "severe_breathing_difficulty" not in extract("can't talk right now, bit short of breath").symptoms
    assert extract("not great tbh").unknown_symptom


def test_pidgin_and_creole_markers_are_read():
    assert "fainting" in extract("my husband don faint, he no dey respond to me").symptoms
    assert "fainting" not in extract("I phoned but no answer").symptoms


def test_a_heart_attack_in_an_idiom_is_no_symptom():
    assert not extract("the parking fee nearly gave me a heart attack").symptoms


def test_a_diagnosis_asked_about_is_not_the_sign_itself():
    assert (
        assess(extract("face hot and red, is this anaphylaxis?? breathing fine, no swelling")).level == MANAGE_AT_HOME
    )
    assert assess(extract("could this be anaphylaxis? my tongue is swelling")).level == EMERGENCY


@pytest.mark.parametrize(
    "text, complaint",
    [
        ("something's wrong with my dad", True),
        ("he's just not right since yesterday", True),
        ("my head feels fuzzy and slow", True),
        ("everything stopped making sense... nothing makes sense", True),
        ("that's not right, the invoice is wrong", False),
        ("it's foggy out so we'll drive slowly", False),
        ("ok that all makes sense now, thank you", False),
    ],
)
def test_feeling_wrong_in_general_is_a_complaint_to_ask_about(text, complaint):
    assert extract(text).unknown_symptom is complaint


@pytest.mark.parametrize(
    "text, symptom, present",
    [
        ("it's like trying to breathe through a drinking straw", "breathing_difficulty", True),
        ("like breathing through treacle, can only get 3 words out", "severe_breathing_difficulty", True),
        ("I breathe through my nose at night, no problem", "breathing_difficulty", False),
        ("her left arm is hanging down by her side, she can't lift it", "stroke_signs", True),
        ("I was hanging the washing out with my right arm", "stroke_signs", False),
        ("I'm sick and tired of the parking here", "vomiting", False),
        ("came on like a bullet to the side of my head, nothing has ever hurt this much", "worst_headache", True),
        ("I bumped my head on the cupboard", "worst_headache", False),
    ],
)
def test_similes_of_breath_a_hanging_arm_and_an_idiom(text, symptom, present):
    assert (symptom in extract(text).symptoms) is present


def test_a_request_for_paperwork_is_not_a_report():
    from bot.dialogue import is_report
    from bot.system_checks import asks_for_paperwork

    learned = {"consciousness": 0.5, "none": 0.1}  # a learned layer that sees something in it
    for text in ("please could you send my discharge summary to my GP", "can I get a copy of the clinic letter?"):
        assert asks_for_paperwork(text)
        assert not is_report(extract(text), True, text, learned)
    for text in ("can I move my appointment, I keep going wobbly", "I have a discharge from my eye"):
        assert not asks_for_paperwork(text)
        assert is_report(extract(text), True, text, learned)


@pytest.mark.parametrize(
    "text, phrase, left_out",
    [
        ("Breathing as normal", "Breathing", True),
        ("my neck's fine thanks", "neck", True),
        ("my ears feel full", "ears feel full", False),
        ("my ears feel full and not right", "ears feel full", False),
    ],
)
def test_a_phrase_of_the_statistical_layer_said_to_be_normal_is_left_out(text, phrase, left_out):
    start = text.index(phrase)
    assert excluded(load()(text), start, start + len(phrase)) is left_out
