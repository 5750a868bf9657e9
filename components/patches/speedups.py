"""Two Rasa 3.6 costs that buy nothing here, removed once when Rasa imports our components.

Measured in docs/benchmarks.md (bench/investigation.md):
- Rasa checks each action server reply with `jsonschema.validate`, which re-checks the events schema
  itself every call: half of the Rasa server's CPU per message. Same check, one validator built once.
- The predict graph has two SpacyNLP nodes and each builds our spaCy pipeline: one build per process
  saves a pipeline build at start and about 145 MB.
"""

from functools import lru_cache

from rasa.core.actions.action import RemoteAction
from rasa.nlu.utils.spacy_utils import SpacyNLP


def validate_action_replies_with_one_validator() -> None:
    """The same check and error as Rasa's, without re-checking the schema on every reply."""
    from jsonschema import exceptions, validators

    if getattr(RemoteAction._validate_action_result, "cached", False):
        return
    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    def validate_action_result(self, result):
        error = exceptions.best_match(validator.iter_errors(result))
        if error is not None:
            error.message += (
                ". Failed to validate Action server response from API, make sure your response "
                "from the Action endpoint is valid."
            )
            raise error
        return True

    validate_action_result.cached = True
    RemoteAction._validate_action_result = validate_action_result


def load_the_spacy_pipeline_once() -> None:
    if not hasattr(SpacyNLP.load_model, "cache_info"):
        SpacyNLP.load_model = staticmethod(lru_cache(maxsize=4)(SpacyNLP.load_model))


def install() -> None:
    validate_action_replies_with_one_validator()
    load_the_spacy_pipeline_once()
