"""Accounts: units (填报单位) as records, users and their roles, logging in, API tokens, and
the audit log of every change."""
