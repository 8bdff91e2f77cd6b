// A greedy fisher: takes 45 tonnes when the round opens. Nothing here knows about Vigil beyond the warning.
+round(R) <- harvest(45).

+vigil_warning(_, commons, Why) <- .print("warned by Vigil: ", Why).
