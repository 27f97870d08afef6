"""The question-bank formats ``cutover export`` writes, apart from the writers: the command line lists them without
loading the renderers."""

from __future__ import annotations

import enum

class LmsFormat(str, enum.Enum):
    GIFT = "gift"  #: Moodle's plain-text import format
    MOODLE_XML = "moodle-xml"  #: Moodle XML, the importer's richest format


class OrderingAs(str, enum.Enum):
    """How ordering questions are written. Both formats' ordering syntax is that of Moodle's Ordering question
    type (qtype_ordering), which a Moodle site must have installed and other LMSs do not read."""

    ORDERING = "ordering"  #: the Ordering question type: drag the items into order
    MATCHING = "matching"  #: a matching question: "Position 1", "Position 2", … each matched with its item
