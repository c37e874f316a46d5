"""The data model (SQLAlchemy 2 typed mappings); importing this registers every table."""

from segmentation.models.base import Base, Money, UTCDateTime, to_money
from segmentation.models.customers import (
    Customer,
    CustomerTag,
    CustomerTagChange,
    Follow,
    Tag,
    TagGroup,
)
from segmentation.models.events import Event, EventItemName, EventStats
from segmentation.models.insights import InsightBaseProfile
from segmentation.models.people import ROLES, Department, Staff, StaffDepartment
from segmentation.models.scores import CustomerScore, FittedModel
from segmentation.models.segments import (
    SavedSegment,
    SegmentMember,
    SegmentMembershipChange,
    SegmentSnapshot,
)

__all__ = [
    "ROLES",
    "Base",
    "Customer",
    "CustomerScore",
    "CustomerTag",
    "CustomerTagChange",
    "Department",
    "Event",
    "EventItemName",
    "EventStats",
    "FittedModel",
    "Follow",
    "InsightBaseProfile",
    "Money",
    "SavedSegment",
    "SegmentMember",
    "SegmentMembershipChange",
    "SegmentSnapshot",
    "Staff",
    "StaffDepartment",
    "Tag",
    "TagGroup",
    "UTCDateTime",
    "to_money",
]
