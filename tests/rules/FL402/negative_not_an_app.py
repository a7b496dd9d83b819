import logging


class Tool:
    def __init__(self):
        self.debug = True


logger = logging.getLogger(__name__)
logger.debug = True
