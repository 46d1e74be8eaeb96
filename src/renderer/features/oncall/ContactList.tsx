import type { ContactKind, ContactMethod } from '../../../shared/rosters';
import { CopyButton } from '../../components/CopyButton';

const KIND_LABEL: Record<ContactKind, string> = { phone: 'Phone', sms: 'SMS', email: 'Email', chat: 'Chat' };

/** A person's contact methods in their order of preference, each one copied in one click. Text, never links. */
export function ContactList({ contacts, person }: { contacts: ContactMethod[]; person: string }) {
  if (contacts.length === 0) return <p className="oc-contacts-none">No contact methods on file.</p>;
  return (
    <ol className="oc-contacts" aria-label={`How to reach ${person}, in order of preference`}>
      {contacts.map((contact, index) => (
        <li key={`${contact.kind}-${index}`} className="oc-contact">
          <span className="oc-contact-kind">{KIND_LABEL[contact.kind]}</span>
          <span className="oc-contact-value" translate="no">
            {contact.value}
          </span>
          <CopyButton text={contact.value} label="Copy" what={`${KIND_LABEL[contact.kind]} ${contact.value} of ${person}`} inline />
        </li>
      ))}
    </ol>
  );
}
