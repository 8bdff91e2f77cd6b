// Bids its limit for what is auctioned: it keeps limits, not bids, so a bid is a proposal, not a belief.
+auction(Item)[source(A)] : limit(Item, L) <- .send(A, tell, bid(Item, L)).
+winner(Item, Me) : .my_name(Me) <- .print("I won ", Item).
