+n(I)[source(S)] <- .print("got ", S, " ", I).
