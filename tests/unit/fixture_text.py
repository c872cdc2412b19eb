"""Text shared by tests that write a record inline."""

from __future__ import annotations

# The cover of an invented record, for tests that write its body inline.
RECORD_HEAD = (
    "Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)\n"
    "Fifteenth meeting – Geneva, 3-4 March 2021\nDocument CWG-Internet-15/9-E\n\n"
    "Summary record of the fifteenth meeting of the Council Working Group\n\n"
)
