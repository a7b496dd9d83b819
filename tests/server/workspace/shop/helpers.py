def cart_size():
    return 0
