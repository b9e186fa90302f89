"""Hand-written sample paragraphs shared by the ingest tests (written for detente)."""

from __future__ import annotations

ENGLISH = ("The foreign ministers of two neighbouring countries met in Geneva on Tuesday to discuss "
           "a border dispute that has lasted for a decade. Officials said the talks were constructive.")
FRENCH = ("Le gouvernement français a annoncé mardi une nouvelle série de mesures pour soutenir les "
          "agriculteurs touchés par la sécheresse. Le ministre de l'Agriculture s'est rendu dans "
          "plusieurs exploitations du sud-ouest du pays pour rencontrer les éleveurs.")
GERMAN = ("Die Bundesregierung hat am Mittwoch neue Hilfen für die von der Flut betroffenen Regionen "
          "beschlossen. Der Finanzminister kündigte an, dass die Mittel noch vor dem Winter an die "
          "Gemeinden ausgezahlt werden sollen.")
