"""Stage 6: PDFs made from rendered PDFs, reading their page maps: class sets and booklets.

Pages are placed as Form XObjects (`xobjects`), so a page shared by many copies is stored once. A teacher's
imperfect PDF part is read quietly (pikepdf keeps qpdf's notes on what it mends to itself): the part was
inspected when planned, and a terminal shows one line per problem, not a library's notes.
"""
