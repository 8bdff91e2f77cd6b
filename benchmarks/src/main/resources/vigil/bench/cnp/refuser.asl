// A participant that always refuses (Jason's examples/contract-net-protocol pr.asl, scaled up: see ORIGIN).

!register.

+!register <- .df_register("participant");
              .df_subscribe("initiator").

// plan to answer a CFP
+cfp(CNPId,_Service)[source(A)]
   :   provider(A,"initiator")
   <- -cfp(CNPId,_Service)[source(A)];
      .send(A,tell,refuse(CNPId)).
