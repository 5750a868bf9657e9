"""Fail safe when the action server is down, slow or erroring: the patient still gets the right first line,
and nothing they said is forgotten.

Out of the box Rasa 3.6 logs "Couldn't connect" and sends nothing that turn, after waiting up to
300 s; mid-question, the form's rejection then ends in Rasa's default fallback, whose `rewind`
(UserUtteranceReverted) throws the patient's message away. Here every custom action call is bounded
by TRIAGE_ACTION_TIMEOUT_SECONDS (default 5), and on any failure the Rasa server answers by itself from what
it can see: the rule layer's findings of this message (`triage_findings` in the parse data, written by
components/nlu/symptom_scanner.py) merged with the conversation's stored `findings` slot and the
answer to the question being asked, assessed by the same clinical core (`bot.triage.assess`):

- emergency sign: the emergency disposition (`bot.advice.message_for`, first line "Call 911 now."),
  with its `custom.triage` payload and the nurse hand-off;
- red flag: the call-your-doctor disposition ("Call your doctor now: clinic, phone." first), the same;
- a symptom but no red flag: "I have noted ..." and the domain's `utter_default` (the red flags and the
  emergency number), then the pending question again if one was being asked;
- nothing recognised: `utter_default` alone.

The turn returns `SlotSet("findings")` (and `triage_level` for a red level, which a level never drops
below), never a rewind: when the action server is back, its next run reads everything that was said.
Mid-question, a red flag ends the questions (as it does when the action server answers); otherwise the
form stays where it was and asks the same question again, so the answer can come when the server is
back, with the outage's findings already in. A disposition given this way is written to the
audit trail from here (`clinic.worker.record_disposition`, the same database, with `degraded` set
to the reason, and the escalation webhook when configured): it must not depend on the action server
coming back. ActionExecutionRejection (a form's "not an answer") passes through.

Each call also carries the action server's shared secret (components/patches/action_auth.py).
Rasa offers no hook for this, so RemoteAction.run and FormAction.run are wrapped once, when Rasa
imports our components.
"""

import asyncio
import contextvars
import logging
import time
from dataclasses import replace
from typing import Any

from rasa.core.actions.action import ActionExecutionRejection, RemoteAction, create_bot_utterance
from rasa.core.actions.forms import FormAction
from rasa.shared.core.constants import REQUESTED_SLOT
from rasa.shared.core.events import ActiveLoop, BotUttered, Event, SlotSet, UserUttered

from bot.advice import listing, message_for, name_of, triage_payload
from bot.dialogue import BUTTONS, State, answer, question_for, question_text
from bot.findings import Findings
from bot.settings import load_settings, setting
from bot.triage import Disposition, assess
from components.patches import action_auth

logger = logging.getLogger(__name__)
FAIL_SAFE_RESPONSE = "utter_default"
ACTION_TIMEOUT = setting("TRIAGE_ACTION_TIMEOUT_SECONDS")
REASON = "action_server_unavailable"  # the audit row's `degraded`
NOTED = "I have noted {what}, but I can't finish checking it right now."

_in_form: contextvars.ContextVar[bool] = contextvars.ContextVar("triage_in_form", default=False)


class ActionServerState:
    """What this Rasa server has seen of its action server (for the health route and the logs)."""

    def __init__(self) -> None:
        self.last_failure: float | None = None
        self.last_success: float | None = None
        self.last_error: str | None = None
        self.degraded_replies = 0
        # the turns in which the fail-safe itself gave a disposition: sender -> (turn, when); only that turn's
        # later actions are skipped, never another patient's after an outage
        self.fail_safe_turns: dict[str, tuple[object, float]] = {}

    def gave_disposition(self, tracker: Any) -> None:
        now = time.time()
        self.fail_safe_turns = {k: v for k, v in self.fail_safe_turns.items() if now - v[1] < FAIL_SAFE_TURN_SECONDS}
        self.fail_safe_turns[tracker.sender_id] = (_turn(tracker), now)

    def answered_by_fail_safe(self, tracker: Any) -> bool:
        given = self.fail_safe_turns.get(tracker.sender_id)
        recent = given is not None and time.time() - given[1] < FAIL_SAFE_TURN_SECONDS
        return recent and given[0] == _turn(tracker) and answered_this_turn(tracker)


FAIL_SAFE_TURN_SECONDS = 60


def _turn(tracker: Any) -> object:
    """The patient's latest message, as an identity of the turn."""
    message = tracker.latest_message
    return (getattr(message, "message_id", None), getattr(message, "timestamp", None)) if message else None


STATE = ActionServerState()


class _FormDegraded(Exception):
    """Raised from a failed validation call inside a form, caught by the form's run: the form keeps its
    place and the turn's events are these."""

    def __init__(self, events: list[Event]):
        super().__init__("action server unavailable")
        self.events = events


# ---------------------------------------------------------------- what the Rasa server can see


def _parse(tracker: Any) -> dict:
    return (tracker.latest_message.parse_data or {}) if tracker.latest_message else {}


def seen_findings(tracker: Any, answering: bool) -> tuple:
    """What the Rasa server can see, read by the clinical core as the actions would: (everything known
    with this message, its answer to the pending question included; the same without that answer)."""
    parse = _parse(tracker)
    stored = Findings.from_dict(tracker.get_slot("findings"))
    message = Findings.from_dict(parse.get("triage_findings"))
    kept = stored.merge(message)
    state = State.from_dict(tracker.get_slot("dialogue"))
    if not (answering and state.pending and state.put):
        return kept, kept
    intent = parse.get("intent_before_scan") or (parse.get("intent") or {}).get("name")
    step = answer(stored, message, (tracker.latest_message.text if tracker.latest_message else "") or "", intent, state)
    return step.findings, kept


def model_version(tracker: Any) -> str:
    for event in reversed(list(tracker.events)):
        model_id = (getattr(event, "metadata", None) or {}).get("model_id")
        if model_id:
            return str(model_id)
    return "unknown"


async def _audit(tracker: Any, disposition: Disposition, findings: Findings) -> str | None:
    """The degraded disposition's audit row (and escalation); the hand-off text. Never raises."""
    try:
        from clinic.worker import record_disposition

        return await record_disposition(
            tracker.sender_id, model_version(tracker), disposition, findings, degraded=REASON
        )
    except Exception as error:
        logger.error(
            "fail-safe: the audit of conversation %s could not be written (%s)", tracker.sender_id, type(error).__name__
        )
        return None


def _question_again(tracker: Any, findings: Findings) -> dict | None:
    """The pending question, as action_ask_triage_question puts it (bot.dialogue's words and buttons)."""
    pending = State.from_dict(tracker.get_slot("dialogue")).pending
    if not pending:
        return None
    buttons = [{"title": title, "payload": title} for title in BUTTONS[question_for(pending).kind]]
    return {"text": question_text(pending, findings.subject), "buttons": buttons, "custom": {"question": pending}}


def answered_this_turn(tracker: Any) -> bool:
    """Whether a disposition was already sent since the patient's last message (the fail-safe's, before
    the form's end brought action_triage on): one disposition per turn."""
    for event in reversed(list(tracker.events)):
        if isinstance(event, UserUttered):
            return False
        if (
            isinstance(event, BotUttered)
            and isinstance((event.data or {}).get("custom"), dict)
            and "triage" in event.data["custom"]
        ):
            return True
    return False


async def degraded_turn(output_channel: Any, nlg: Any, tracker: Any, in_form: bool) -> list[Event]:
    """The reply and events of a turn whose custom action could not run (see the module's docstring)."""
    settings = load_settings()
    findings, kept = seen_findings(tracker, answering=in_form)
    disposition = assess(findings, previous_level=tracker.get_slot("triage_level"), settings=settings)
    events: list[Event] = []
    if disposition.is_red_flag:
        STATE.gave_disposition(tracker)
        text, advice = message_for(disposition, findings, settings)
        events.append(create_bot_utterance({"text": text, "custom": triage_payload(disposition, advice)}))
        given = {"level": disposition.level, "red_flags": list(disposition.red_flags)}
        if given != tracker.get_slot("last_disposition"):  # as action_triage: a repeat is not audited again
            handoff = await _audit(tracker, disposition, findings)
            if handoff:
                events.append(create_bot_utterance({"text": handoff}))
        events += [
            SlotSet("findings", findings.to_dict()),
            SlotSet("triage_level", disposition.level),
            SlotSet("last_disposition", given),
        ]
        if in_form and tracker.active_loop_name:  # a red flag ends the questions, as when the actions answer
            state = State.from_dict(tracker.get_slot("dialogue"))
            events += [
                SlotSet("dialogue", replace(state, pending=None, put=False).to_dict()),
                SlotSet(REQUESTED_SLOT, None),
                ActiveLoop(None),
            ]
        logger.error(
            "fail-safe: conversation %s got the %s disposition from the Rasa server (red flags %s); "
            "the action server could not be reached",
            tracker.sender_id,
            disposition.level,
            ",".join(disposition.red_flags),
        )
        return events
    response = await nlg.generate(FAIL_SAFE_RESPONSE, tracker, output_channel.name())
    generic = (response or {}).get("text") or ""
    if not kept.is_empty:
        what = listing(name_of(s) for s in sorted(kept.symptoms)) if kept.symptoms else "what you told me"
        generic = NOTED.format(what=what) + "\n" + generic
    events.append(create_bot_utterance({"text": generic}))
    question = _question_again(tracker, kept) if in_form and tracker.active_loop_name else None
    if question:  # mid-question: the same question again, to answer when the server is back
        events.append(create_bot_utterance(question))
    events.append(SlotSet("findings", kept.to_dict()))  # kept: the action server reads it when it is back
    logger.error(
        "fail-safe: conversation %s got the fail-safe reply (%s); the action server could not be reached",
        tracker.sender_id,
        "symptoms noted" if not kept.is_empty else "nothing recognised",
    )
    return events


# ---------------------------------------------------------------- the wrappers


def install() -> None:
    if getattr(RemoteAction.run, "fail_safe", False):
        return
    remote_run = RemoteAction.run
    form_run = FormAction.run

    async def run_or_fail_safe(self, output_channel, nlg, tracker, domain):
        action_auth.sign(self.action_endpoint)
        if STATE.answered_by_fail_safe(tracker):  # the form's end after a fail-safe disposition: said already
            return []
        try:
            events = await asyncio.wait_for(
                remote_run(self, output_channel, nlg, tracker, domain), timeout=ACTION_TIMEOUT
            )
            STATE.last_success = time.time()
            return events
        except ActionExecutionRejection:
            STATE.last_success = time.time()
            raise
        except Exception as error:  # connection refused, 5xx, 401, timeout: never silence, never forget
            STATE.last_failure, STATE.last_error = time.time(), type(error).__name__
            STATE.degraded_replies += 1
            logger.error(
                "Custom action %s failed (%s); the Rasa server answers by itself.", self.name(), type(error).__name__
            )
            in_form = _in_form.get()
            try:
                events = await degraded_turn(output_channel, nlg, tracker, in_form)
            except Exception as inner:
                logger.error("fail-safe reply failed (%s); sent %s", type(inner).__name__, FAIL_SAFE_RESPONSE)
                response = await nlg.generate(FAIL_SAFE_RESPONSE, tracker, output_channel.name())
                events = [create_bot_utterance(response)] if response else []
            if in_form:
                raise _FormDegraded(events) from None
            return events

    async def form_run_keeping_its_place(self, output_channel, nlg, tracker, domain):
        token = _in_form.set(True)
        try:
            return await form_run(self, output_channel, nlg, tracker, domain)
        except _FormDegraded as degraded:
            return degraded.events
        finally:
            _in_form.reset(token)

    run_or_fail_safe.fail_safe = True
    RemoteAction.run = run_or_fail_safe
    FormAction.run = form_run_keeping_its_place
