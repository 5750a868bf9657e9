"""Fail safe when the action server is down, slow or erroring: the patient still gets a reply.

Out of the box Rasa 3.6 logs "Couldn't connect" and sends nothing that turn, after waiting up to
300 s. Here every custom action call is bounded by ACTION_TIMEOUT_SECONDS (default 5), and on any
failure the response `utter_default` is sent instead: an honest "I can't assess this right now",
the red flags to call the doctor for, the emergency signs and the clinic phone. It needs no action
server (a domain response). ActionExecutionRejection (a form's "not an answer") passes through.

Rasa offers no hook for this, so RemoteAction.run is wrapped once, when Rasa imports our components.
"""
import asyncio
import logging
import os

from rasa.core.actions.action import ActionExecutionRejection, RemoteAction, create_bot_utterance

logger = logging.getLogger(__name__)
FAIL_SAFE_RESPONSE = "utter_default"
ACTION_TIMEOUT_SECONDS = float(os.environ.get("ACTION_TIMEOUT_SECONDS", "5"))


def install() -> None:
    if getattr(RemoteAction.run, "fail_safe", False):
        return
    remote_run = RemoteAction.run

    async def run_or_fail_safe(self, output_channel, nlg, tracker, domain):
        try:
            return await asyncio.wait_for(remote_run(self, output_channel, nlg, tracker, domain),
                                          timeout=ACTION_TIMEOUT_SECONDS)
        except ActionExecutionRejection:
            raise
        except Exception as error:  # connection refused, 5xx, timeout: never silence
            logger.error("Custom action %s failed (%s); sent the fail-safe reply %s.",
                         self.name(), type(error).__name__, FAIL_SAFE_RESPONSE)
            response = await nlg.generate(FAIL_SAFE_RESPONSE, tracker, output_channel.name())
            return [create_bot_utterance(response)] if response else []

    run_or_fail_safe.fail_safe = True
    RemoteAction.run = run_or_fail_safe

