"""Socket.io sessions cannot be borrowed: two real socket.io clients, a patient and someone who has the
patient's session token (from localStorage on a shared computer) or bare id (from a log or the database)."""

import asyncio
import uuid

import socketio


class Client:
    """A socket.io client as the widget is one (long-polling), collecting what the bot sends it."""

    def __init__(self, url: str):
        self.url = url
        self.sio = socketio.AsyncClient(reconnection=False)
        self.received: asyncio.Queue = asyncio.Queue()
        self.confirmed: asyncio.Queue = asyncio.Queue()
        self.sio.on("bot_uttered", lambda data: self.received.put_nowait(data))
        self.sio.on("session_confirm", lambda data: self.confirmed.put_nowait(data))
        self.sio.on("session_check", lambda *args: True)  # as the widget: "I still hold my session"

    async def connect(self, token=None) -> str:
        await self.sio.connect(self.url, transports=["polling"], socketio_path="/socket.io")
        return await self.request(token)

    async def request(self, token=None) -> str:
        await self.sio.emit("session_request", {"session_id": token} if token is not None else {})
        return await asyncio.wait_for(self.confirmed.get(), 15)

    async def say(self, message: str, session_id: str) -> list[dict]:
        await self.sio.emit("user_uttered", {"message": message, "session_id": session_id})
        got = [await asyncio.wait_for(self.received.get(), 30)]
        while True:
            try:
                got.append(await asyncio.wait_for(self.received.get(), 1.5))
            except TimeoutError:
                return got

    async def nothing_received(self, seconds: float = 2.0) -> bool:
        try:
            await asyncio.wait_for(self.received.get(), seconds)
            return False
        except TimeoutError:
            return True

    async def close(self):
        await self.gone()

    async def gone(self):
        """The page is closed or reloaded: the connection drops without a word (as a browser's does: the
        long-poll is abandoned; a clean disconnect would wait for it). The server still thinks it is live."""
        await self.sio.eio.disconnect(abort=True)


def user_texts(hardened, session_id: str) -> list[str]:
    answer = hardened.request("GET", f"/conversations/{session_id}/tracker?token={hardened.token}")
    return [e["text"] for e in answer.json["events"] if e["event"] == "user"]


def test_a_live_patients_session_token_gets_a_new_session_and_none_of_their_messages(hardened):
    async def run():
        patient, other = Client(hardened.rasa_url), Client(hardened.rasa_url)
        token = await patient.connect()
        assert "." in token  # a signed token, not a bare id
        assert "Is your neck stiff" in (await patient.say("I have a headache", token))[0]["text"]
        borrowed = await other.connect(token)
        assert borrowed != token  # held by a live connection: a new session
        # the other client names the patient's session in its messages: they go to its own session
        await other.say("/restart", token)
        await other.say("my name is Mallory", token)
        answers = await patient.say("yes", token)
        assert await other.nothing_received()  # nothing of the patient's reached it
        await patient.close()
        await other.close()
        return token, borrowed, answers

    token, borrowed, answers = asyncio.run(run())
    triage = [m["custom"]["triage"] for m in answers if "triage" in (m.get("custom") or {})]
    assert triage and triage[0]["level"] == "call_doctor_now"  # the patient's conversation went on untouched
    assert user_texts(hardened, token.split(".")[0]) == ["I have a headache", "yes"]
    assert user_texts(hardened, borrowed.split(".")[0]) == ["/restart", "my name is Mallory"]


def test_an_id_the_server_never_signed_gets_a_new_session(hardened):
    async def run():
        patient, other = Client(hardened.rasa_url), Client(hardened.rasa_url)
        token = await patient.connect()
        await patient.say("I have a headache", token)
        await patient.gone()  # the patient has left: only a token would bring the session back
        bare_id = token.split(".")[0]
        tries = [
            await other.connect(bare_id),
            await other.request(bare_id + ".0123456789abcdef0123456789abcdef"),
            await other.request(uuid.uuid4().hex),
            await other.request({"id": 1}),
        ]
        await other.close()
        return bare_id, tries

    bare_id, tries = asyncio.run(run())
    assert all(t.split(".")[0] != bare_id for t in tries) and len(set(tries)) == len(tries)


def test_the_patients_own_token_brings_the_conversation_back_after_a_reload(hardened):
    async def run():
        first = Client(hardened.rasa_url)
        token = await first.connect()
        assert "Is your neck stiff" in (await first.say("I have a headache", token))[0]["text"]
        await first.gone()  # the page is reloaded: the old connection is left behind, dead
        second = Client(hardened.rasa_url)
        again = await second.connect(token)
        answers = await second.say("yes", again)
        await second.close()
        return token, again, answers

    token, again, answers = asyncio.run(run())
    assert again == token
    assert any((m.get("custom") or {}).get("triage", {}).get("level") == "call_doctor_now" for m in answers)
