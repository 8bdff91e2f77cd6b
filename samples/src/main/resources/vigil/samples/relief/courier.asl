// A relief courier. Each round it draws the fuel its route needs from the shared depot and delivers; a
// greedy courier's need includes what it hoards. A draw withheld (blocked or quarantined) loses the round's
// delivery. Nothing here knows about Vigil.

+round(R) <- !go(R).
+!go(R) : need(N) <- harvest(N); deliver(R).
-!go(R) <- true.
