"""How sure the engine must be before it answers a free question (see `python -m bot ask --explain`)."""

ANSWER_THRESHOLD = 45.0  # a free question is answered at this score or above...
MARGIN = 4.0  # ...when it leads the best rival (another family, not linked to it) by this much
SUGGEST_THRESHOLD = 30.0  # below the answer bar but above this: "did you mean"...
CLEAR_LEAD = 8.0  # ...unless the best leads every rival by this much: then it is the plain answer,
CLEAR_LEAD_MIN_TERMS = 2  # when it shares this many of the question's terms ("become a pilot": one)
NEAR_LEAD = 2.0  # ...or this much, when every asking word is one the articles use and it shares
NEAR_LEAD_MIN_TERMS = 3  # this many of the question's terms: nothing in it is about something else
FOREIGN_SHARE = 0.2  # this share of the asking words unknown to the articles: below the bar, no answer;
# in a pay question naming no AI engineer, someone else's pay
FOREIGN_SUBJECT_SHARE = 0.25  # above the bar too, when that share names a thing after "a", "the", "my"
CHANNEL_THRESHOLD = 62.0  # unasked channel questions need more confidence than mentions
MAX_CHOICES = 3  # buttons on a "did you mean"
