+~locked(door) : true
  <- .send(porter,achieve,locked(door)). // ask porter to lock the door

//+locked(door) : true
//  <- .print("Thanks for locking the door!").

