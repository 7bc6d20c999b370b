"""Everyday English words that are also names.

At the start of a sentence such a word is capitalised anyway ("May I ask?", "Turkey is
cheap this year"), so a one-word glossary name matches it only mid-sentence, where its
capital is evidence that a name is meant.
"""

from __future__ import annotations

COMMON_WORDS = frozenset("""
a about above across after again against all also am among an and any april are art as at august
be bath because been before being below between bill both bush but by can cash chad china cook
could crystal dawn did do does don down during each either faith few for frank from further gay
grant guy had has have he her here hers him his hope how i if in into is it its ivy jack joy june
just lent lily march mark may me mercy might mobile more most much must my nice no nor not now
of off on once only or orange other our out over own pat penny price reading rich rob rose ruby
same sandy she should sky so some spring such sue summer than that the their them then there
these they this those through to too trump turkey under until up very violet wade was we well
were what when where which while who whom why will with would yet you your
apple amazon target shell gap next subway virgin sun times mail post guardian independent mirror
express observer economist
""".split())
