+auction(service, D)[source(A)]  <- .broadcast(tell,bid(D, math.random * 100 + 10)).

