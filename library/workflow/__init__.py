"""The workflow: a case's way from the unit's draft to the library (states and who may
move them, in one table), collection calls (征集通知) with deadlines and target units,
notifications (in the app, and to a messenger's webhook), deadline reminders, and each
role's to-do list."""
