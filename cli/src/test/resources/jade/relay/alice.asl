// In the main container. Bob starts later (his JVM joins the platform): he speaks first.
+hello_from(C)[source(bob)]
    <- .print("bob says hello from ", C);
       .send(bob, tell, secret(vault_code));   // withheld by this JVM's gate
       .send(bob, tell, question(q1));
       .send(carol, tell, note(n1)).

+answer(Q)[source(bob)]
    <- .print("bob answered ", Q);
       .wait(500);
       .stopMAS.

+insult(_)[source(bob)]
    <- .print("bob insulted me").              // never: c1's gate withheld it
