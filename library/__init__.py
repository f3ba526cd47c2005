"""The domain of caselib: everything a case, a call, a warning is and may do.

:class:`Library` (``library.context``) is the context every use case takes: settings,
database, file store and index of one ``CASELIB_HOME``. Features live in their packages
(``cases``, ``workflow``, ``accounts``, ``vocab``), each with its models and one module per
use case; ``permissions`` holds who may do what, ``storage`` the database and files.
"""

from __future__ import annotations
