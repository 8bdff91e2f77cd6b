!work.

+!work <- harvest(5); harvest(50); .print("done").

-!work[error(action_failed), error_msg(Msg), vigil_blocked(Reason)] <- .print("blocked: ", Reason); !rest.

+!rest <- harvest(2); .print("rested").
