"use client";
import { createContext, forwardRef, useContext, useTransition } from "react";

const PendingContext = createContext(false);
export const useActionPending = () => useContext(PendingContext);

/**
 * A form that submits to a server action without React's automatic reset of its fields, so that
 * a validation error leaves everything the user typed in place ("bad input loses nothing").
 */
export const ActionForm = forwardRef<
  HTMLFormElement,
  {
    action: (form: FormData) => void;
    onSubmitted?: () => void;
    children: React.ReactNode;
  } & Omit<React.FormHTMLAttributes<HTMLFormElement>, "action" | "onSubmit">
>(function ActionForm({ action, children, onSubmitted, ...rest }, ref) {
  const [pending, startTransition] = useTransition();
  return (
    <PendingContext.Provider value={pending}>
      <form
        ref={ref}
        {...rest}
        noValidate
        onSubmit={(event) => {
          // React bubbles a submit along the component tree, portals included: a form in a dialog
          // opened from this one (the message lookup's "Add") is not this form's to send.
          if (event.target !== event.currentTarget) return;
          event.preventDefault();
          const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
          startTransition(() => action(form));
          onSubmitted?.();
        }}
      >
        {children}
      </form>
    </PendingContext.Provider>
  );
});
