"""The hardened channels against a real server: bad input gets a clear reply and leaves the server
unharmed, red flags still escalate, limits hold, the API needs its token, only allowed origins.

All through `tests/hardening/conftest.py`'s `hardened` server (production channels and tracker store)."""

import asyncio
import json
import uuid

import pytest

from tests.hardening.conftest import ALLOWED_ORIGIN, IP_BURST

MARKER = "zebrafinch"  # a word sent inside messages here: it must never reach the log
RED = ("call_doctor_now", "emergency")


def sender() -> str:
    return f"hard-{uuid.uuid4().hex[:10]}"


def user_texts(hardened, conversation: str) -> list[str]:
    answer = hardened.request("GET", f"/conversations/{conversation}/tracker?token={hardened.token}")
    assert answer.status == 200
    return [e.get("text") for e in answer.json["events"] if e["event"] == "user"]


def test_health_says_all_is_well(hardened):
    answer = hardened.health()
    assert answer.status == 200, answer.body
    report = answer.json
    assert report["status"] == "ok" and report["api"] == "token" and report["model_loaded"]
    assert report["conversation_store"]["type"] == "TriageTrackerStore"
    assert report["conversation_store"]["database"] == "ok"


@pytest.mark.parametrize("message", ["", "   ", "\n\t \r\n", None])
def test_empty_and_whitespace_messages_get_a_prompt(hardened, message):
    payload = {"sender": sender()} if message is None else {"sender": sender(), "message": message}
    answer = hardened.post(payload)
    assert answer.status == 200 and "didn't get any words" in answer.text and answer.triage is None


def test_emoji_only_gets_a_request_for_words_and_the_red_flags(hardened):
    answer = hardened.say(sender(), "🤮🤮😵")
    assert answer.status == 200
    assert "only read words" in answer.text and "can't assess" not in answer.text and "911" in answer.text


def test_control_characters_are_removed_before_the_bot_and_the_database(hardened):
    conversation = sender()
    answer = hardened.say(conversation, "my chest\x00 is\x07 tight\u200b\x1b")
    assert answer.status == 200 and answer.triage["level"] in RED
    assert user_texts(hardened, conversation) == ["my chest is tight"]


def test_html_and_script_are_defused_and_read_as_words(hardened):
    conversation = sender()
    answer = hardened.say(conversation, "<script>alert(document.cookie)</script><b>i threw up</b>")
    assert answer.status == 200 and answer.triage["level"] in RED
    stored = user_texts(hardened, conversation)[0]
    assert "<" not in stored and ">" not in stored and "i threw up" in stored
    answer = hardened.say(sender(), "<img src=x onerror=alert(1)>")
    assert answer.status == 200 and answer.text and "<" not in answer.text


@pytest.mark.parametrize("message", ["no puedo respirar", "me duele mucho la cabeza desde ayer", "hola"])
def test_spanish_gets_english_only_for_now_with_the_clinic_phone(hardened, message):
    answer = hardened.say(sender(), message)
    assert answer.status == 200 and answer.triage is None
    assert "only understand English" in answer.text and "+1 555 0100" in answer.text
    assert "solo entiendo inglés" in answer.text and "llame al 911" in answer.text


def test_a_long_message_asks_for_a_shorter_one(hardened):
    answer = hardened.say(sender(), "Today I went for a walk and had lunch with my sister. " * 50)
    assert answer.status == 200 and answer.triage is None
    assert "too long" in answer.text and "under 2,000 characters" in answer.text
    assert "can't assess" not in answer.text and "trouble breathing" in answer.text


def test_a_red_flag_inside_a_long_message_still_escalates(hardened):
    message = (
        "Today I went for a walk and had lunch with my sister. " * 30
        + f"Then my throat started swelling {MARKER}. "
        + "We watched a film after that. " * 20
    )
    assert len(message) > 2000
    answer = hardened.say(sender(), message)
    assert answer.status == 200
    assert answer.triage["level"] == "emergency", answer.text
    assert answer.json[0]["text"].startswith("Call 911 now")  # the emergency number first
    assert "very long" in answer.json[-1]["text"]  # the request for shorter messages last


def test_a_body_over_the_size_limit_is_refused_politely(hardened):
    answer = hardened.post({"sender": sender(), "message": "x" * 40_000})
    assert answer.status == 413
    assert "too long" in answer.text and "can't assess" not in answer.text and "trouble breathing" in answer.text


@pytest.mark.parametrize(
    "body, error",
    [
        (b'{"sender": "a", "message": "\xff\xfe my chest"}', "not valid UTF-8"),
        (b'{"sender": "a", "message": ', "not valid JSON"),
        (b"sender=a&message=hi", "not valid JSON"),
        (b"[" * 50_00 + b"]" * 50_00, "not valid JSON"),
        (b'["sender", "message"]', "must be a JSON object"),
        (b'{"message": "hi"}', '"sender"'),
        (b'{"sender": "", "message": "hi"}', '"sender"'),
        (b'{"sender": "a\\u0000b", "message": "hi"}', '"sender"'),
        (b'{"sender": "\\ud800", "message": "hi"}', '"sender"'),
        (b'{"sender": "a", "message": {"text": "hi"}}', '"message" must be a string'),
        (b'{"sender": "a", "message": "hi", "metadata": [1]}', '"metadata"'),
        (b"", "not valid JSON"),
    ],
)
def test_malformed_bodies_are_4xx_with_a_clear_error_never_500(hardened, body, error):
    answer = hardened.post(body)
    assert 400 <= answer.status < 500, (answer.status, answer.body)
    assert error in answer.json["error"]


def test_json_sent_as_form_data_like_curl_does_is_fine(hardened):
    answer = hardened.post(
        json.dumps({"sender": sender(), "message": "hello"}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert answer.status == 200 and "not for emergencies" in answer.text


def test_a_number_as_message_is_read(hardened):
    answer = hardened.post({"sender": sender(), "message": 39})
    assert answer.status == 200 and answer.text


def test_the_streaming_rest_answer_gets_the_same_checks(hardened):
    answer = hardened.request(
        "POST", "/webhooks/rest/webhook?stream=true", json.dumps({"sender": sender(), "message": "😀"}).encode()
    )
    assert answer.status == 200
    messages = [json.loads(line) for line in answer.body.decode().splitlines() if line.strip()]
    assert "only read words" in messages[0]["text"]


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["rasa", "run"], "off"),
        (["rasa", "run", "--enable-api"], "open"),
        (["rasa", "run", "--enable-api", "--auth-token", ""], "open"),
        (["rasa", "run", "--enable-api", "--auth-token", "s3cret"], "token"),
        (["rasa", "run", "--enable-api", "-t", "s3cret"], "token"),
        (["rasa", "run", "--enable-api", "--auth-token=s3cret"], "token"),
        (["rasa", "run", "--enable-api", "--jwt-secret", "k"], "jwt"),
    ],
)
def test_how_the_api_is_protected_is_read_from_the_command_line(argv, expected):
    from components.health import api_protection

    assert api_protection(argv) == expected


def test_the_http_api_refuses_calls_without_the_token(hardened):
    for method, path in [
        ("GET", "/conversations/someone/tracker"),
        ("GET", "/status"),
        ("POST", "/model/parse"),
        ("POST", "/conversations/someone/messages"),
    ]:
        body = json.dumps({"text": "hi", "sender": "user"}).encode() if method == "POST" else None
        assert hardened.request(method, path, body).status == 401, path
        assert hardened.request(method, path + "?token=wrong", body).status == 401, path
    assert hardened.request("GET", f"/status?token={hardened.token}").status == 200
    assert hardened.request("POST", f"/model/parse?token={hardened.token}", b'{"text": "hello"}').status == 200


def test_only_allowed_origins(hardened):
    evil = hardened.say(sender(), "hello", headers={"Origin": "http://evil.example"})
    assert evil.status == 403 and "access-control-allow-origin" not in evil.headers
    good = hardened.say(sender(), "hello", headers={"Origin": ALLOWED_ORIGIN})
    assert good.status == 200 and good.headers.get("access-control-allow-origin") == ALLOWED_ORIGIN
    preflight = hardened.request(
        "OPTIONS",
        "/webhooks/rest/webhook",
        headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_per_sender_rate_limit_gives_a_friendly_reply(hardened):
    conversation = sender()
    statuses = [hardened.say(conversation, "").status for _ in range(20)]  # the burst (cheap messages)
    assert set(statuses) == {200}
    answer = hardened.say(conversation, "my chest is tight")
    assert answer.status == 429 and int(answer.headers["retry-after"]) >= 1
    # refused, but still read: the red flag's instruction comes first
    assert answer.json[0]["text"].startswith("Call your doctor now: Riverside Infusion Clinic, +1 555 0100.")
    assert "faster than I can read them" in answer.text
    assert "can't assess" not in answer.text and "tight chest" in answer.text  # the safety net, still
    assert hardened.say(sender(), "hello").status == 200  # others are not affected


def test_per_address_rate_limit(hardened):
    answers = [hardened.say(sender(), "", source_ip="127.0.0.2").status for _ in range(IP_BURST + 2)]
    assert answers[:IP_BURST] == [200] * IP_BURST and answers[-1] == 429
    assert hardened.say(sender(), "", source_ip="127.0.0.3").status == 200  # another address is fine


def test_a_rate_limited_emergency_still_gets_call_911_first(hardened):
    for _ in range(IP_BURST + 1):
        hardened.say(sender(), "", source_ip="127.0.0.4")
    answer = hardened.say(sender(), "my lips are swelling", source_ip="127.0.0.4")
    assert answer.status == 429
    assert answer.json[0]["text"].splitlines()[0] == "Call 911 now."
    assert "faster than I can read them" in answer.text


def socketio_exchange(url: str, messages: list, wait: float = 15.0) -> list[list[dict]]:
    """Each message over socket.io (the widget's transport: long-polling), with the bot's answers to it."""
    import socketio

    async def run():
        client = socketio.AsyncClient(reconnection=False)
        received: asyncio.Queue = asyncio.Queue()
        client.on("bot_uttered", lambda data: received.put_nowait(data))
        await client.connect(url, transports=["polling"], socketio_path="/socket.io")
        session = uuid.uuid4().hex
        await client.emit("session_request", {"session_id": session})
        await asyncio.sleep(0.3)
        answers = []
        for message in messages:
            await client.emit("user_uttered", {"message": message, "session_id": session})
            got = [await asyncio.wait_for(received.get(), wait)]
            while True:  # the rest of this turn's messages
                try:
                    got.append(await asyncio.wait_for(received.get(), 1.5))
                except TimeoutError:
                    break
            answers.append(got)
        await client.disconnect()
        return answers

    return asyncio.run(run())


def test_socketio_gets_the_same_checks(hardened):
    empty, emoji, spanish, not_text, red_flag = socketio_exchange(
        hardened.rasa_url, ["  ", "😀", "no puedo respirar", {"text": "hi"}, f"i threw up {MARKER}"]
    )
    assert "didn't get any words" in empty[0]["text"]
    assert "only read words" in emoji[0]["text"]
    assert "solo entiendo inglés" in spanish[0]["text"]
    assert "only read text" in not_text[0]["text"]
    triage = [m["custom"]["triage"] for m in red_flag if "triage" in (m.get("custom") or {})]
    assert triage and triage[0]["level"] == "call_doctor_now"


def test_the_server_is_unharmed_and_never_logged_the_patients_words(hardened):
    assert hardened.request("GET", "/webhooks/rest/").status == 200
    conversation = sender()
    assert "Is your neck stiff" in hardened.say(conversation, "I have a headache").text
    assert hardened.say(conversation, "yes").triage["level"] == "call_doctor_now"
    assert hardened.processes["rasa"].poll() is None
    log = hardened.log()
    assert MARKER not in log
    assert "Traceback" not in log, log[-3000:]
    assert " 500 " not in log


def test_a_socketio_message_over_the_size_limit_gets_the_rest_reply_and_the_socket_goes_on(hardened):
    too_big, after = socketio_exchange(hardened.rasa_url, ["my chest " * 5_000, "my chest is tight"])
    assert len("my chest " * 5_000) > 32 * 1024
    assert "too long" in too_big[0]["text"] and "+1 555 0100" in too_big[0]["text"] and "911" in too_big[0]["text"]
    rest = hardened.post({"sender": sender(), "message": "x" * 40_000})
    assert rest.status == 413 and rest.text == too_big[0]["text"]  # the same words as REST
    triage = [m["custom"]["triage"] for m in after if "triage" in (m.get("custom") or {})]
    assert triage and triage[0]["level"] == "call_doctor_now"  # still answering


def test_a_body_over_what_the_server_reads_is_refused_politely_too(hardened):
    answer = hardened.post({"sender": sender(), "message": "x" * 1_100_000})
    assert answer.status == 413 and "too long" in answer.text
