print("review: not yet implemented")
