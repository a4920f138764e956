"""The web app: a patient's guided path and an advocate's workbench, on the case store.

Server-rendered Django pages (no JavaScript build step). Who may see what is decided in one
place, `permissions.py`; every case page goes through it.
"""
