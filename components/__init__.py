"""Custom Rasa NLU components (they import Rasa, so they stay out of `bot/` and `actions/`).

Importing this package, which Rasa does before it runs any component named in config.yml:
- registers the spaCy factories of `bot.nlp`, which SpacyNLP needs to load `bot/spacy_pipeline`;
- installs the fail-safe reply for a down or slow action server (`failsafe.py`);
- makes typed `/intent` commands on the public channels plain text (`typed_commands.py`);
- removes two measured Rasa costs (`speedups.py`).
"""

import bot.nlp  # noqa: F401
from components.patches import failsafe, speedups, typed_commands

failsafe.install()
speedups.install()
typed_commands.install()
