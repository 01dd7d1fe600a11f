"""ICCMA abstract argumentation frameworks (``af``, ``apx``, ``tgf``), read and written."""
