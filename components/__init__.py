"""Custom Rasa NLU components (they import Rasa, so they stay out of `bot/` and `actions/`).

Importing this package registers the spaCy factories of `bot.nlp`, which SpacyNLP needs to load
`bot/spacy_pipeline`: Rasa imports the components named in config.yml before it runs any of them.
"""
import bot.nlp  # noqa: F401
