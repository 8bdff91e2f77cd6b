+price(Item, R, P)[source(S)] <- .print(S, " sells ", Item, " at ", P, " in round ", R).
