!start.

+!start <- .send(bob, tell, threat(1)).

+vigil_sanction(quarantine, Until)[source(vigil)]
    <- .print("quarantined ", Until);
       .send(bob, tell, hello(1));
       !work.

+!work <- harvest(1); .print("harvested").
-!work[error(action_failed), vigil_blocked(Reason)] <- .print("work failed: ", Reason).

-vigil_sanction(quarantine, _)[source(vigil)] <- .print("released"); .send(bob, tell, back(1)); !work.
