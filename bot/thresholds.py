"""How sure the engine must be before it answers a free question (see `python -m bot ask --explain`)."""

ANSWER_THRESHOLD = 45.0  # a free question is answered at this score or above...
MARGIN = 4.0  # ...when it leads the best rival (another family, not linked to it) by this much
SUGGEST_THRESHOLD = 30.0  # below the answer bar but above this: "did you mean"
CHANNEL_THRESHOLD = 62.0  # unasked channel questions need more confidence than mentions
MAX_CHOICES = 3  # buttons on a "did you mean"
