// Announces a lot, collects the bids for a second, announces the winner and stops the MAS.
!start.
+!start <- .wait(300); .broadcast(tell, auction(lamp)); .wait(1000); !decide.
+!decide : .findall(b(V, A), bid(lamp, V)[source(A)], L) & L \== []
    <- .max(L, b(V, W)); .print("winner ", W, " with ", V); .broadcast(tell, winner(lamp, W)); .wait(200); .stopMAS.
+!decide <- .print("no bids"); .stopMAS.
