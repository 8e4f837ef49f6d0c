"""Stage 6: PDFs made from rendered PDFs, reading their page maps: class sets and booklets.

Pages are placed as Form XObjects (`xobjects`), so a page shared by many copies is stored once.
"""

import logging

# pypdf logs what it mends in an imperfect PDF part ("incorrect startxref pointer"): the part was
# inspected already, and a teacher's terminal shows one line per problem, not a library's notes
logging.getLogger("pypdf").setLevel(logging.ERROR)
