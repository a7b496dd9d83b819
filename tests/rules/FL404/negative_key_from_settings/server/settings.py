settings = {"secretKey": None}
