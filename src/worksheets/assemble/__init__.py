"""Stage 6: PDFs made from rendered PDFs, reading their page maps: class sets and booklets.

Pages are placed as Form XObjects (`xobjects`), so a page shared by many copies is stored once.
"""
