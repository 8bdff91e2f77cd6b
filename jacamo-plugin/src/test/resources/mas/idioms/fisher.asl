// Takes 60 tonnes once; without an environment the action fails.
!fish.
+!fish <- .wait(100); harvest(60); .print("took 60").
-!fish <- .print("the harvest failed").
