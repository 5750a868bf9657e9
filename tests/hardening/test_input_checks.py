"""Unit tests of components/channels/input_checks.py: what each kind of bad input gets, the language detector, the rate limiter."""

import pytest

from components.channels.input_checks import (
    MAX_MESSAGE_CHARS,
    NO_WORDS,
    Limits,
    RateLimiter,
    check_message,
    clean,
    fail_safe_text,
    language_of,
    rate_limited_text,
    safety_net_text,
)


def test_the_fail_safe_text_is_the_domains_utter_default_with_the_clinic():
    text = fail_safe_text()
    assert text.startswith("I can't assess this right now") and "+1 555 0100" in text and "911" in text
    assert "{" not in text


@pytest.mark.parametrize("text", ["", "   ", "\n\t  \r\n", None, "\x00\x01", "\u200b\u200d"])
def test_empty_and_whitespace_get_a_prompt_and_go_no_further(text):
    checked = check_message(text)
    assert not checked.forward and checked.problem == "empty"
    assert "didn't get any words" in checked.before[0]


@pytest.mark.parametrize("text", ["😀", "🤮🤮", "👍 🙏", "!!!", "❤️", "???", "😵‍💫"])
def test_emoji_only_asks_for_words_and_gives_the_red_flags(text):
    checked = check_message(text)
    assert not checked.forward and checked.problem == "no_words"
    assert checked.before[0].startswith(NO_WORDS) and checked.before[0].endswith(safety_net_text())


@pytest.mark.parametrize(
    "text, word",
    [
        ("👍", "yes"),
        ("👍🏽👍🏽", "yes"),
        ("✔️", "yes"),
        ("👎🏿", "no"),
        ("🙅‍♀️", "no"),
        ("🙅🏻‍♂️", "no"),
        ("🤷", "not sure"),
    ],
)
def test_a_yes_or_no_emoji_in_any_skin_tone_or_gender_is_read_as_its_word(text, word):
    checked = check_message(text)
    assert checked.forward and checked.text == word


@pytest.mark.parametrize("value", [{"a": 1}, ["x"], True])
def test_something_that_is_not_text(value):
    checked = check_message(value)
    assert not checked.forward and checked.problem == "not_text"


def test_a_number_is_read_as_text():
    checked = check_message(39.1)
    assert checked.forward and checked.text == "39.1"


def test_control_and_format_characters_are_removed_and_the_rest_read():
    checked = check_message("my chest\x00 is\x1b[31m tight\u202e\u200b")
    assert checked.forward and checked.text == "my chest is [31m tight"
    assert set(checked.cleaned) == {"control_characters", "format_characters"}
    assert check_message("i can\u200bt breathe").text == "i cant breathe"  # a zero-width space hid nothing


def test_full_width_and_compatibility_characters_are_normalised():
    assert check_message("ｍｙ ｃｈｅｓｔ ｉｓ ｔｉｇｈｔ").text == "my chest is tight"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<script>alert('x')</script>my chest is tight", "script alert('x') /script my chest is tight"),
        ("<b>i threw up</b>", "b i threw up /b"),
        ('<img src=x onerror="alert(1)"> headache', 'img src=x onerror="alert(1)" headache'),
    ],
)
def test_html_and_script_lose_their_tags_but_keep_every_word(text, expected):
    checked = check_message(text)
    assert checked.forward and checked.text == expected and "markup" in checked.cleaned


def test_text_that_only_looks_like_markup_is_kept():
    assert clean("temp > 38 and < 39, love you <3")[0] == "temp > 38 and < 39, love you <3"


@pytest.mark.parametrize(
    "text",
    [
        "no puedo respirar",
        "Me duele mucho la cabeza",
        "tengo fiebre y vómitos",
        "hola",
        "¿Es normal tener dolor de cabeza después de la infusión?",
        "gracias",
    ],
)
def test_spanish_is_recognised(text):
    assert language_of(text) == "es"
    checked = check_message(text)
    assert checked.forward and checked.text == text and checked.problem == "other_language"
    assert "only understand English" in checked.before[0] and "+1 555 0100" in checked.before[0]
    assert "solo entiendo inglés" in checked.before[0] and "911" in checked.before[0]


@pytest.mark.parametrize(
    "text",
    [
        "i have a headache",
        "my chest is tight",
        "no",
        "yes",
        "hi",
        "I had tacos con queso",
        "my friend Jose said to message you",
        "la la la my head hurts",
        "37.9",
        "this morning",
        "/affirm",
        "dolor in my head",
    ],
)
def test_english_stays_english(text):
    assert language_of(text) == "en"
    assert check_message(text).forward


def test_other_scripts_get_the_english_only_note():
    checked = check_message("у меня болит голова")
    assert checked.language == "other" and checked.forward and "only understand English" in checked.before[0]


def test_spanish_with_english_symptom_words_is_read_by_the_bot_and_the_note_follows():
    checked = check_message("hola, tengo mucho dolor, i threw up")
    assert checked.forward and checked.language == "es" and checked.expect_red_flag
    assert "only understand English" in checked.after[0]


def test_a_long_message_without_red_flags_asks_for_a_shorter_one():
    text = "I had a headache this morning and it was annoying. " * 60
    checked = check_message(text)
    assert len(text) > MAX_MESSAGE_CHARS and not checked.forward and checked.problem == "too_long"
    assert "too long" in checked.before[0] and checked.before[0].endswith(safety_net_text())


def test_a_long_message_with_a_red_flag_goes_on_with_its_red_flag_passage():
    text = "We went to the shops and had lunch. " * 80 + "Then my throat started swelling. " + "All good. " * 80
    checked = check_message(text)
    assert checked.forward and checked.expect_red_flag and checked.problem == "too_long"
    assert "throat started swelling" in checked.text and len(checked.text) <= MAX_MESSAGE_CHARS
    assert "very long" in checked.after[0]


def test_a_long_message_with_a_headache_here_and_a_stiff_neck_there_escalates():
    text = (
        ("I have a headache. " + "Nothing else to say really about the day. " * 40)
        + "My neck is stiff. "
        + "ok. " * 100
    )
    checked = check_message(text)
    assert checked.forward and checked.expect_red_flag and "neck is stiff" in checked.text


def test_rate_limiter_allows_a_burst_then_a_steady_rate():
    now = [0.0]
    limiter = RateLimiter(per_minute=60, burst=3, clock=lambda: now[0])
    assert [limiter.wait_time("a") for _ in range(3)] == [0, 0, 0]
    assert limiter.wait_time("a") == pytest.approx(1.0)
    assert limiter.wait_time("b") == 0  # keys are separate
    now[0] += 1.0
    assert limiter.wait_time("a") == 0 and limiter.wait_time("a") > 0


def test_rate_limiter_keeps_a_bounded_number_of_keys():
    limiter = RateLimiter(per_minute=1, burst=1, max_keys=100)
    for i in range(1000):
        limiter.wait_time(f"sender-{i}")
    assert len(limiter._buckets) == 100


def test_rate_limit_reply_is_friendly_and_keeps_the_fail_safe():
    text = rate_limited_text(2.2)
    assert "wait 3 seconds" in text and text.endswith(safety_net_text()) and "911" in text


def test_each_canned_reply_says_what_happened_not_the_outage_words():
    """Emoji only, too long and too fast each say what they are; none opens like the outage reply."""
    replies = {
        "no_words": check_message("😀").before[0],
        "too_long": check_message("I was fine. " * 300).before[0],
        "rate_limited": rate_limited_text(2),
    }
    outage_opening = fail_safe_text().split("\n")[0]
    assert len(set(r.split("\n")[0] for r in replies.values())) == 3
    for reply in replies.values():
        assert outage_opening not in reply and "can't assess" not in reply
        assert "+1 555 0100" in reply and "911" in reply and "trouble breathing" in reply  # the safety net stays


def test_limits_from_the_environment():
    limits = Limits.from_env(
        {"TRIAGE_RATE_SENDER_PER_MINUTE": "5", "TRIAGE_RATE_IP_BURST": "7", "TRIAGE_RATE_EXEMPT_IPS": ""}
    )
    assert (limits.sender_per_minute, limits.ip_burst, limits.exempt_ips) == (5, 7, frozenset())
    assert Limits.from_env({}).exempt_ips == frozenset()  # the loopback is not exempt unless a setting says so
    assert Limits.from_env({"TRIAGE_RATE_EXEMPT_IPS": "127.0.0.1, ::1"}).exempt_ips == {"127.0.0.1", "::1"}


def test_the_loopback_is_rate_limited_like_any_address_unless_a_setting_exempts_it():
    """Behind a reverse proxy on the same host without SANIC_REAL_IP_HEADER every patient is 127.0.0.1:
    an exempt loopback would switch the per-address limit off for everyone."""
    from components.channels.hardened import Guard

    guard = Guard(Limits.from_env({"TRIAGE_RATE_IP_BURST": "3"}))
    assert [guard.ip_wait("127.0.0.1") > 0 for _ in range(4)] == [False, False, False, True]
    exempt = Guard(Limits.from_env({"TRIAGE_RATE_IP_BURST": "3", "TRIAGE_RATE_EXEMPT_IPS": "127.0.0.1"}))
    assert not any(exempt.ip_wait("127.0.0.1") for _ in range(10))


def test_a_refused_message_is_still_scanned_for_red_flags():
    from components.channels.input_checks import rate_limited_reply

    assert rate_limited_reply("my throat is closing up", 3).splitlines()[0] == "Call 911 now."
    assert rate_limited_reply("i threw up", 3).startswith("Call your doctor now:")
    assert rate_limited_reply("thanks", 3).startswith("You are sending messages faster")
    assert rate_limited_reply({"text": "x"}, 3).startswith("You are sending messages faster")
    long = "We went for a walk. " * 90 + "my lips are swelling. " + "We went for a walk. " * 200
    assert rate_limited_reply(long, 3).startswith("Call 911 now.")
