// In container c1, its own JVM.
!greet.

+!greet <- .broadcast(tell, hello_from(c1)).   // one copy to Alice, one to Carol, each judged here

+question(Q)[source(alice)]
    <- .print("alice asks ", Q);
       .send(alice, tell, insult(alice));      // withheld by this JVM's gate
       .send(alice, tell, answer(Q)).

+secret(S)[source(alice)]
    <- .print("got the secret ", S).           // never: the main JVM's gate withheld it
