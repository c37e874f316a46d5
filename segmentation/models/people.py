"""Staff and departments of the company (WeCom members)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from segmentation.models.base import Base, UTCDateTime

ROLES = ("sales", "manager", "admin")


class Department(Base):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # WeCom's own department id; null for departments that came only from a CSV import.
    wecom_id: Mapped[int | None] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(128), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    order: Mapped[int] = mapped_column(Integer, default=0)


class Staff(Base):
    __tablename__ = "staff"

    userid: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(128), default="")
    # Explicit role from staff data; null means "derive it" (admin list, department leadership).
    role: Mapped[str | None] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    memberships: Mapped[list[StaffDepartment]] = relationship(
        back_populates="staff", cascade="all, delete-orphan"
    )


class StaffDepartment(Base):
    __tablename__ = "staff_departments"

    userid: Mapped[str] = mapped_column(ForeignKey("staff.userid"), primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), primary_key=True)
    is_leader: Mapped[bool] = mapped_column(Boolean, default=False)

    staff: Mapped[Staff] = relationship(back_populates="memberships")
